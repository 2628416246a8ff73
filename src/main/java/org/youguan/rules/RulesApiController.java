package org.youguan.rules;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Masking;
import org.youguan.org.BureauLevel;
import org.youguan.org.BureauView;
import org.youguan.org.Bureaus;
import org.youguan.org.CurrentUser;

/**
 * The catalogue as it applies to the caller's region.
 */
@RestController
@Tag(name = "法定时限", description = "法定时限、上限与罚款幅度目录")
class RulesApiController {

	private final StatutoryRules rules;

	private final Bureaus bureaus;

	RulesApiController(StatutoryRules rules, Bureaus bureaus) {
		this.rules = rules;
		this.bureaus = bureaus;
	}

	/** One citation: the text, the year of its version (null for a practice), the article (null for the whole text). */
	record CitationAnswer(String text, String version, Integer article, String display) {

		static CitationAnswer of(Citation c) {
			return new CitationAnswer(c.text().title(), c.version(), c.article() == 0 ? null : c.article(), c.toString());
		}
	}

	/**
	 * One rule as it applies in the caller's region. {@code defaultValue} is the catalogue's (the law's, or the product's
	 * for a practice rule), {@code effectiveValue} the one in force — the most specific value a bureau whose region
	 * contains the caller's set, named in {@code setBy}, else the default; both in {@code unit} ({@code unitLabel}:
	 * 日, 个工作日, 元 …), written plainly (50, never 50.00 or 5E+1).
	 * @param setBy who set the value in force; null when the default applies
	 */
	record RuleAnswer(String code, String title, String basis, List<CitationAnswer> citations, String unit, String unitLabel,
			BigDecimal defaultValue, BigDecimal effectiveValue, boolean overridden, boolean confirmed, SetBy setBy) {
	}

	/**
	 * The bureau whose value is in force: its region, its level (国家局, 省局, 市局, 县（区）局), its name, whether it is the
	 * caller's own bureau (else an enclosing one, whose value the caller's region inherits), the reason it gave (personal
	 * numbers masked, as every free text the API shows) and when. The reason and the time are the bureaus' internal
	 * record: shown to staff only, absent for an enterprise's (or any other non-staff) caller, who sees which bureau's
	 * value applies, not why.
	 */
	record SetBy(String regionCode, String level, String bureau, boolean own,
			@JsonInclude(JsonInclude.Include.NON_NULL) String reason,
			@JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime changedAt) {
	}

	/** One violation type of the legal-basis catalogue with its ranges in the caller's region (serious null if none). */
	record ViolationAnswer(String code, String title, String basis, List<CitationAnswer> citations, BigDecimal min,
			BigDecimal max, BigDecimal seriousMin, BigDecimal seriousMax) {
	}

	@GetMapping("/api/v1/rules/violations")
	@Operation(summary = "违法行为与罚款幅度目录", description = "处罚案件可选的违法行为类型（code，如 UNLICENSED）、处罚依据及在调用者辖区适用的罚款幅度（元）；"
			+ "无“情节严重”幅度的，seriousMin/seriousMax 为 null。")
	List<ViolationAnswer> violations(@AuthenticationPrincipal CurrentUser me) {
		return Arrays.stream(ViolationType.values()).map(v -> {
			FineRange ordinary = rules.fineRange(v, false, me.regionCode());
			FineRange serious = v.hasSeriousRange() ? rules.fineRange(v, true, me.regionCode()) : null;
			return new ViolationAnswer(v.code(), v.title(), v.basis(), v.citations().stream().map(CitationAnswer::of).toList(),
					ordinary.min(), ordinary.max(), serious == null ? null : serious.min(), serious == null ? null : serious.max());
		}).toList();
	}

	@GetMapping("/api/v1/rules")
	@Operation(summary = "法定规则目录", description = "每项规则的法律依据（citations：法规名称、版本年份、条款号；basis 为其显示文本，如“快递暂行条例(2025) 第19条”）、"
			+ "法定默认值（defaultValue）及在调用者辖区的适用值（effectiveValue），单位见 unit/unitLabel。适用值与默认值不同时，是调用者所在局或其上级局"
			+ "（省局、市局）的设置：setBy 给出设置的局（regionCode、level、bureau、是否本局 own），对工作人员另给出理由（reason）和时间（changedAt），"
			+ "企业等非工作人员调用时不含这两项；适用默认值时 setBy 为 null。企业等非工作人员调用时，title、basis 和 citations 只引用法律法规"
			+ "（无法律依据的规则 basis 为“按本局规定”，citations 为空）。")
	List<RuleAnswer> list(@AuthenticationPrincipal CurrentUser me) {
		// an enterprise (any caller not on the bureau's staff) reads titles and bases without the catalogue's working
		// marks (地方实践（未确认）, 产品规则，非法律规定): the citations of legal texts only
		Audience audience = me.isStaff() ? Audience.BUREAU : Audience.OUTSIDE;
		return rules.settings(me.regionCode())
			.stream()
			.map(s -> new RuleAnswer(s.rule().code(), s.rule().titleFor(audience), s.rule().basisFor(audience),
					s.rule().citations().stream().filter(c -> audience == Audience.BUREAU || c.text().isText())
						.map(CitationAnswer::of).toList(), s.rule().unit().name(),
					s.rule().unit().label(), plain(s.rule().defaultValue()), plain(s.effectiveValue()), s.overridden(),
					s.rule().confirmed(), s.overridden() ? setBy(s, me) : null))
			.toList();
	}

	/**
	 * A lower bureau's own value of a rule, as an enclosing bureau's administrator sees it to reset it.
	 * @param regionCode the lower bureau's region; {@code bureau} its name
	 */
	record BelowAnswer(String code, String title, String regionCode, String bureau, BigDecimal value, String unit,
			String reason, String changedBy, OffsetDateTime changedAt) {
	}

	@GetMapping("/api/v1/rules/overrides-below")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN')")
	@Operation(summary = "下级局的设置", description = "调用者所在局辖区内各下级局自行设定的规则取值（理由中的个人号码已遮蔽），可用 DELETE /api/v1/rules/{code}/overrides/{region} 恢复。")
	List<BelowAnswer> below(@AuthenticationPrincipal CurrentUser me) {
		return rules.overridesBelow(me.regionCode()).stream()
			.map(o -> new BelowAnswer(o.rule().code(), o.rule().title(), o.regionCode(), o.bureau(), plain(o.value()),
					o.rule().unit().name(), o.reason(), o.changedBy(), o.changedAt()))
			.toList();
	}

	/**
	 * Resets a lower bureau's own value of a rule ({@link StatutoryRules#clearLowerOverride}); 204, audited, the lower
	 * bureau notified. 404 for a region not below the caller's or without an own value; 400 {@code conflicts-below} as
	 * the page.
	 */
	@DeleteMapping("/api/v1/rules/{code}/overrides/{region}")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN')")
	@Operation(summary = "恢复下级局的设置", description = "上级局的管理员恢复下级局（region）对规则（code）的自行设定，下级局改为适用上级局的值或法定默认值；记入审计并通知下级局。")
	ResponseEntity<Void> resetBelow(@AuthenticationPrincipal CurrentUser me, @PathVariable String code,
			@PathVariable String region) {
		StatutoryRule rule = StatutoryRule.byCode(code).orElseThrow(() -> DomainException.notFound("法定规则", code));
		rules.clearLowerOverride(rule, me.regionCode(), region);
		return ResponseEntity.noContent().build();
	}

	private SetBy setBy(RuleSetting s, CurrentUser me) {
		Optional<BureauView> bureau = bureaus.findByRegion(s.overrideRegion());
		String level = bureau.map(b -> b.level().label()).orElseGet(() -> Arrays.stream(BureauLevel.values())
			.filter(l -> l.regionCodeLength() == s.overrideRegion().length())
			.map(BureauLevel::label)
			.findFirst()
			.orElse(null));
		boolean internal = me.isStaff();
		return new SetBy(s.overrideRegion(), level, bureau.map(BureauView::name).orElse(null),
				s.overrideRegion().equals(me.regionCode()), internal ? Masking.personalNumbersIn(s.reason()) : null,
				internal ? s.changedAt() : null);
	}

	/** A value as written: an override is kept as numeric(14, 2), so 50 reads back as 50.00 beside a default of 180. */
	private static BigDecimal plain(BigDecimal value) {
		return new BigDecimal(value.stripTrailingZeros().toPlainString());
	}
}
