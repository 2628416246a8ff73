package org.youguan.inspections.internal;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.inspections.InspectionItems;
import org.youguan.kernel.StepAccess;
import org.youguan.org.CurrentUser;

/**
 * The steps on a bureau's own 抽查事项, addressed by the item's code — its edit (the page's
 * {@code /inspections/items/{code}/edit}, {@code PUT /api/v1/inspections/items/{code}}), 停用 and 恢复 — decided before
 * the step's form or body is read ({@link StepAccess#ofCode}): a code not in its one written form (upper case, as
 * {@link InspectionItems#CODE_FORM}) names no item (404); a statutory default item or another bureau's is refused (403)
 * as the step refuses it ({@link InspectionItems#editable}), so a body with a bad field to another bureau's item is not
 * told its field.
 */
@Configuration(proxyBeanMethods = false)
class InspectionItemStepAccess {

	@Bean
	StepAccess inspectionItemSteps(InspectionItems items) {
		return StepAccess.ofCode(List.of("/inspections/items/{code}/**", "/api/v1/inspections/items/{code}/**"),
				new StepAccess.CodeForm("抽查事项", Pattern.compile(InspectionItems.CODE_FORM)),
				(scope, code, rest) -> items.editable(CurrentUser.signedIn().map(CurrentUser::bureauId).orElse(null), code));
	}
}
