package org.youguan.rules;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.youguan.audit.AuditObjects;
import org.youguan.kernel.DataScope;

/**
 * Rules in the audit trail by their Chinese titles ("申诉重新处理时限（complaint.redo）"), linked to their row of the
 * rules page — not "法定时限 #complaint.redo". The catalogue is public to staff, so every reader sees the title; the
 * link is for staff scopes (an enterprise reads no rules page).
 */
@Component
class RuleAuditObjects implements AuditObjects {

	@Override
	public String objectType() {
		return "StatutoryRule";
	}

	@Override
	public Map<String, Title> titles(DataScope scope, Collection<String> ids) {
		Map<String, Title> titles = new LinkedHashMap<>();
		boolean staff = scope.kind() == DataScope.Kind.ALL || scope.kind() == DataScope.Kind.REGION;
		for (String id : ids) {
			StatutoryRule.byCode(id).ifPresent(rule -> titles.put(id, new Title(rule.title() + "（" + rule.code() + "）",
					staff ? "/admin/rules#" + rule.code() : null)));
		}
		return titles;
	}
}
