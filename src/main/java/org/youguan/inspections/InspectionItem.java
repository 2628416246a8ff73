package org.youguan.inspections;

import java.util.List;

import org.youguan.rules.Citation;

/**
 * One 抽查事项 of the catalogue: what is checked, on which kind of object, how, against which lines, and on which legal
 * basis.
 *
 * @param code the stable code records and plans name (e.g. {@code REAL_NAME})
 * @param name 事项名称, e.g. 实名收寄
 * @param objectType 检查对象: ENTERPRISE (快递企业), BRANCH (分支机构), OUTLET (末端网点), POST_OFFICE (邮政营业场所)
 * @param method 检查方式: ON_SITE (现场检查), DOCUMENTS (书面检查), ONLINE (网络监测)
 * @param basis the legal basis as cited, e.g. {@code 快递暂行条例(2025) 第23条}
 * @param ruleCode the statutory rule of the rule catalogue the item enforces, or null when none fits
 * @param ruleTitle that rule's title with its basis, or null
 * @param checklist the content checklist, one line each (each recorded as 符合 / 不符合 / 不涉及)
 * @param bureauId the bureau that added the item, or null for the default list derived from the law
 * @param citation the basis as a citation: for a default item the article that lays down the duty checked (not the
 * article that punishes its breach); a 责令改正通知书 cites it only when it is law ({@link Citation#isLaw()})
 */
public record InspectionItem(String code, String name, String objectType, String method, String basis,
		String ruleCode, String ruleTitle, List<String> checklist, Long bureauId, Citation citation) {
}
