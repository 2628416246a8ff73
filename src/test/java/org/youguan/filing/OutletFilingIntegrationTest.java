package org.youguan.filing;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.TestImages;
import org.youguan.documents.Attachment;
import org.youguan.documents.DocumentTemplates;
import org.youguan.documents.PdfFiles;
import org.youguan.documents.TemplateFiles;
import org.youguan.filing.FilingMetrics;
import org.youguan.filing.internal.FilingReceipts;
import org.youguan.filing.internal.FilingView;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.IdCardNumber;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.WorkState;
import org.youguan.org.CurrentUser;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserDirectory;
import org.youguan.org.UserKind;
import org.youguan.org.Users;
import org.youguan.registry.Enterprises;
import org.youguan.registry.OutletData;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.Outlets;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@IntegrationTest
@ExtendWith(FilingFixture.Monday28September.class)
@RecordApplicationEvents
class OutletFilingIntegrationTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	static final byte[] JPEG = TestImages.jpeg(4, 3);

	static final byte[] PDF = PdfFiles.blankPage();

	@Autowired
	OutletFilings filings;

	@Autowired
	FilingReceipts receipts;

	@Autowired
	Outlets outlets;

	@Autowired
	Enterprises enterprises;

	@Autowired
	UserDirectory directory;

	@Autowired
	Users users;

	@Autowired
	MutableClock clock;

	@Autowired
	StatutoryRules rules;

	@Autowired
	DocumentTemplates templates;

	@Autowired
	ApplicationEvents events;

	@Autowired
	FilingFixture fixture;

	CurrentUser shunfeng;

	@BeforeEach
	void signIn() {
		shunfeng = fixture.shunfeng();
	}

	static OutletData outlet(LocalDate openedOn) {
		String first17 = "32050619850315" + String.format("%03d", (int) (Math.random() * 1000));
		return new OutletData("顺丰驿站（测试" + UUID.randomUUID().toString().substring(0, 6) + "店）", 0, null, "FRANCHISE",
				"吴中区长桥街道测试路" + UUID.randomUUID().toString().substring(0, 4) + "号", "320506001", null, null, "钱七",
				first17 + IdCardNumber.checkCharacter(first17), "13712345678", new BigDecimal("40"), true, true, true, true,
				openedOn);
	}

	static List<Upload> completeAttachments() {
		return List.of(new Upload(AttachmentKind.BUSINESS_LICENCE, "营业执照.pdf", PDF),
				new Upload(AttachmentKind.MANAGER_ID, "身份证.jpg", JPEG), new Upload(AttachmentKind.PHOTO, "门头.jpg", JPEG));
	}

	long submit() {
		return filings.submitNew(shunfeng, outlet(LocalDate.of(2026, 9, 20)), completeAttachments());
	}

	@Test
	void submittedFilingGetsTheStatutoryClockAcrossNationalDay() {
		FilingView f = filings.get(WUZHONG, submit());
		assertThat(f.status()).isEqualTo(FilingStatus.SUBMITTED);
		assertThat(f.number()).startsWith("备案申请-320506-2026-");
		// 5 working days from Mon 09-28: 09-29, 09-30, 10-08, 10-09, 10-10 (调休 Saturday)
		assertThat(f.dueOn()).isEqualTo(LocalDate.of(2026, 10, 10));
		assertThat(f.missingNoticeDue()).isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(f.lateFiling()).isFalse();
		assertThat(f.outletId()).as("the proposal stays with the filing until a decision").isNull();
		assertThat(filings.attachments(WUZHONG, f.id())).extracting(Attachment::contentType)
			.containsExactly("application/pdf", "image/jpeg", "image/jpeg");
	}

	@Test
	void approvalFilesTheOutletAndPublishesTheEvent() throws Exception {
		long id = submit();
		clock.set(LocalDateTime.of(2026, 10, 8, 9, 0));
		String number = filings.approve(WUZHONG, id, null);
		FilingView f = filings.get(WUZHONG, id);
		assertThat(f.status()).isEqualTo(FilingStatus.APPROVED);
		assertThat(f.workingDaysTaken()).isEqualTo(3);
		assertThat(number).startsWith("网点备案-320506-2026-");
		assertThat(events.stream(OutletFiled.class).filter(e -> e.filingId() == id)).hasSize(1);
		fixture.awaitFiled(id);
		assertThat(outlets.publicList("320506", "顺丰", new PageQuery("", 0, 200, null, false)).items())
			.anySatisfy(o -> assertThat(o.filingNumber()).isEqualTo(number));
		try (XWPFDocument receipt = new XWPFDocument(new ByteArrayInputStream(receipts.receipt(WUZHONG, id)))) {
			String text = String.join("\n", receipt.getParagraphs().stream().map(p -> p.getText()).toList());
			assertThat(text).contains("苏州市吴中区邮政管理局", "快递末端网点备案回执", "备案编号：" + number, "2026年9月28日");
			// the period to file a change is the catalogue's (outlet.change-filing), not a figure written into the template
			assertThat(text).contains("应当自变化之日起" + rules.stated(StatutoryRule.OUTLET_CHANGE_FILING, "320506") + "内办理变更备案");
			assertThat(TemplateFiles.text(templates.builtIn("filing/receipt"))).contains("${changeFilingPeriod}");
			assertThat(receipt.getTables().get(0).getRow(0).getCell(1).getText()).isEqualTo(f.outletName());
			assertThat(receipt.getTables().get(1).getRows()).hasSize(4);
			assertThat(receipt.getTables().get(1).getRow(1).getCell(0).getText()).isEqualTo("营业执照");
		}
	}

	/**
	 * The receipt is served on the enterprise: a personal number typed into a file's name (the manager's ID number) is
	 * printed masked, as every document served on a party prints it (attack round 20).
	 */
	@Test
	void theReceiptMasksAPersonalNumberInAFilesName() throws Exception {
		long id = filings.submitNew(shunfeng, outlet(LocalDate.of(2026, 9, 20)), List.of(
				new Upload(AttachmentKind.BUSINESS_LICENCE, "营业执照.pdf", PDF),
				new Upload(AttachmentKind.MANAGER_ID, "身份证320506198505057771.jpg", JPEG),
				new Upload(AttachmentKind.PHOTO, "门头13912345678.jpg", JPEG)));
		clock.set(LocalDateTime.of(2026, 10, 8, 9, 0));
		filings.approve(WUZHONG, id, null);
		try (XWPFDocument receipt = new XWPFDocument(new ByteArrayInputStream(receipts.receipt(WUZHONG, id)))) {
			String files = receipt.getTables().get(1).getText();
			assertThat(files).contains("身份证320506********7771.jpg", "门头139****5678.jpg")
				.doesNotContain("320506198505057771").doesNotContain("13912345678");
		}
	}

	@Test
	void missingItemsAreNotifiedOnceAndASupplementRestartsTheClock() {
		long id = submit();
		clock.set(LocalDateTime.of(2026, 9, 29, 9, 0));
		filings.notifyMissingItems(WUZHONG, id, "场地照片不清晰，请补充门头和货架照片");
		assertThat(filings.get(WUZHONG, id).status()).isEqualTo(FilingStatus.MISSING_ITEMS);
		assertThatThrownBy(() -> filings.approve(WUZHONG, id, null)).hasMessageContaining("待办理");

		clock.set(LocalDateTime.of(2026, 10, 9, 9, 0));
		filings.supplement(shunfeng, id, "已补充照片", List.of(new Upload(AttachmentKind.SUPPLEMENT, "货架.jpg", JPEG)));
		FilingView f = filings.get(WUZHONG, id);
		assertThat(f.status()).isEqualTo(FilingStatus.SUBMITTED);
		assertThat(f.clockStart()).isEqualTo(LocalDate.of(2026, 10, 9));
		// 10-10 (调休), 10-12, 10-13, 10-14, 10-15
		assertThat(f.dueOn()).isEqualTo(LocalDate.of(2026, 10, 15));
		assertThatThrownBy(() -> filings.notifyMissingItems(WUZHONG, id, "再补一次")).hasMessageContaining("一次性告知");
		filings.approve(WUZHONG, id, "材料齐全");
		assertThat(filings.get(WUZHONG, id).workingDaysTaken()).isZero();
	}

	@Test
	void rejectionIsFinal() {
		long id = submit();
		filings.reject(WUZHONG, id, "场地不具备视频监控");
		FilingView f = filings.get(WUZHONG, id);
		assertThat(f.status()).isEqualTo(FilingStatus.REJECTED);
		assertThat(f.outletId()).isNull();
		assertThatThrownBy(() -> filings.approve(WUZHONG, id, null)).isInstanceOf(DomainException.class)
			.hasMessageContaining("不予备案");
		assertThatThrownBy(() -> filings.reject(WUZHONG, id, "再次")).hasMessageContaining("已办结");
		assertThatThrownBy(() -> receipts.receipt(WUZHONG, id)).hasMessageContaining("办结后");
	}

	@Test
	void anUnfinishedFilingBecomesDueSoonThenOverdue() {
		long id = submit();
		clock.set(LocalDateTime.of(2026, 10, 9, 9, 0));
		assertThat(filings.get(WUZHONG, id).dueSoon()).isTrue();
		assertThat(filings.countNeedingAttention(WUZHONG)).isPositive();
		clock.set(LocalDateTime.of(2026, 10, 12, 9, 0));
		FilingView f = filings.get(WUZHONG, id);
		assertThat(f.overdue()).isTrue();
		assertThat(filings.list(WUZHONG, new OutletFilings.Filter(null, WorkState.ALL, true, null), new PageQuery("", 0, 200, null, false))
			.items()).extracting(FilingView::id).contains(id);
		filings.approve(WUZHONG, id, null);
		assertThat(filings.get(WUZHONG, id).workingDaysTaken()).isEqualTo(6);
	}

	/**
	 * A late filing's receipt states what the record holds — accepted, filed late under the catalogue's period and
	 * article, referred — and does not say the filing complied with the article it broke (attack: filing 5, 逾期备案,
	 * got "经审核，符合《快递暂行条例》第十九条…的要求"); a filing in time still does.
	 */
	@Test
	void aLateFilingsReceiptStatesTheLateFilingNotCompliance() throws Exception {
		long late = filings.submitNew(shunfeng, outlet(LocalDate.of(2026, 9, 1)), completeAttachments());
		long onTime = submit();
		clock.set(LocalDateTime.of(2026, 10, 8, 9, 0));
		filings.approve(WUZHONG, late, null);
		filings.approve(WUZHONG, onTime, null);
		String period = rules.stated(StatutoryRule.OUTLET_FILING_AFTER_OPENING, "320506");
		String lateText = receiptText(late);
		assertThat(lateText).contains("经审核，申请材料齐全，予以备案。本件属逾期备案：网点开办超过" + period
				+ "才申请备案（《快递暂行条例》第十九条）。该逾期备案行为已移送执法处理")
			.doesNotContain("符合《快递暂行条例》第十九条");
		assertThat(receiptText(onTime)).contains("经审核，符合《快递暂行条例》第十九条和《快递末端网点备案暂行规定》的要求，予以备案。")
			.doesNotContain("逾期");
	}

	private String receiptText(long id) throws Exception {
		try (XWPFDocument receipt = new XWPFDocument(new ByteArrayInputStream(receipts.receipt(WUZHONG, id)))) {
			return String.join("\n", receipt.getParagraphs().stream().map(p -> p.getText()).toList());
		}
	}

	@Test
	void anOutletOpenedMoreThanTwentyDaysAgoIsFlaggedLate() {
		long id = filings.submitNew(shunfeng, outlet(LocalDate.of(2026, 9, 1)), completeAttachments());
		assertThat(filings.get(WUZHONG, id).lateFiling()).isTrue();
		long onTime = filings.submitNew(shunfeng, outlet(LocalDate.of(2026, 9, 8)), completeAttachments());
		assertThat(filings.get(WUZHONG, onTime).lateFiling()).as("09-08 + 20 days = 09-28, on time").isFalse();
	}

	@Test
	void rejectsMissingForgedAndOversizeAttachmentsAndBadFieldsAtOnceSavingNothing() {
		long before = filings.list(DataScope.all(), OutletFilings.Filter.NONE, new PageQuery("", 0, 1, null, false)).total();
		OutletData bad = new OutletData("", 0, null, "FRANCHISE", "地址", "320506001", null, null, "钱七", "123", "13712345678",
				new BigDecimal("40"), true, true, true, true, LocalDate.of(2026, 9, 20));
		List<Upload> uploads = List.of(new Upload(AttachmentKind.BUSINESS_LICENCE, "执照.jpg", "<script>alert(1)</script>".getBytes()),
				new Upload(AttachmentKind.PHOTO, "big.jpg", oversize()));
		assertThatThrownBy(() -> filings.submitNew(shunfeng, bad, uploads)).isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::rule)
				.contains("required", "format", "content-type", "size"))
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field)
				.contains("name", "managerIdNumber", "attachments.BUSINESS_LICENCE", "attachments.PHOTO", "attachments.MANAGER_ID"));
		assertThat(filings.list(DataScope.all(), OutletFilings.Filter.NONE, new PageQuery("", 0, 1, null, false)).total())
			.isEqualTo(before);
	}

	@Test
	void aChangeIsAppliedOnApprovalAndAClosureClosesTheOutlet() {
		long id = submit();
		filings.approve(WUZHONG, id, null);
		long outletId = filings.get(WUZHONG, id).outletId();
		await().ignoreExceptions().untilAsserted(() -> assertThat(outlets.get(WUZHONG, outletId).status()).isEqualTo(OutletStatus.FILED));
		OutletData changed = outlet(LocalDate.of(2026, 9, 20));
		long change = filings.submitChange(shunfeng, outletId, changed, LocalDate.of(2026, 9, 25), "更换负责人和名称", List.of());
		assertThat(outlets.get(WUZHONG, outletId).name()).as("not before approval").isNotEqualTo(changed.name());
		filings.approve(WUZHONG, change, null);
		await().ignoreExceptions().untilAsserted(() -> assertThat(outlets.get(WUZHONG, outletId).name()).isEqualTo(changed.name()));
		assertThat(outlets.get(WUZHONG, outletId).status()).isEqualTo(OutletStatus.FILED);

		// the reason is the enterprise's own, chosen or written (it was a fixed, hidden 网点停止经营), and required
		assertThatThrownBy(() -> filings.submitClosure(shunfeng, outletId, " "))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).extracting(FieldError::field)
				.containsExactly("reason"));
		long closure = filings.submitClosure(shunfeng, outletId, "经营场所拆迁，迁至新址另行备案");
		filings.approve(WUZHONG, closure, null);
		await().ignoreExceptions().untilAsserted(() -> assertThat(outlets.get(WUZHONG, outletId).status()).isEqualTo(OutletStatus.CLOSED));
		// kept on the outlet's record with the day
		assertThat(outlets.get(WUZHONG, outletId).closedReason()).isEqualTo("经营场所拆迁，迁至新址另行备案");
		assertThat(outlets.get(WUZHONG, outletId).closedOn()).isNotNull();
		assertThatThrownBy(() -> filings.submitClosure(shunfeng, outletId, "再撤销")).hasMessageContaining("已备案的网点");
	}

	@Test
	void anEnterpriseSeesOnlyItsOwnFilingsAndACountyOnlyItsCounty() {
		long id = submit();
		String zto = enterprises.list(DataScope.region("320506"), new Enterprises.Filter(null, null, null),
				new PageQuery("吴中中通", 0, 1, null, false)).items().get(0).creditCode();
		String name = "zt.wz." + UUID.randomUUID().toString().substring(0, 4);
		users.provision(new UserData(name, "中通吴中", UserKind.ENTERPRISE, null, null, zto, null,
				EnumSet.of(Role.ENTERPRISE)), "Other#2026a", false, false);
		CurrentUser other = directory.principal(name).orElseThrow();
		assertThatThrownBy(() -> filings.get(other.scope(), id)).hasMessageContaining("不存在");
		assertThatThrownBy(() -> filings.supplement(other, id, "冒充", List.of())).hasMessageContaining("不存在");
		assertThat(filings.get(shunfeng.scope(), id).id()).isEqualTo(id);
		DataScope xiangcheng = DataScope.region("320507");
		assertThatThrownBy(() -> filings.approve(xiangcheng, id, null)).hasMessageContaining("不存在");
		assertThat(filings.get(WUZHONG, id).status()).isEqualTo(FilingStatus.SUBMITTED);
	}

	@Test
	void metricsCountCompletedFilingsWithWorkingDays() {
		long fast = submit();
		long slow = submit();
		clock.set(LocalDateTime.of(2026, 9, 29, 9, 0));
		filings.approve(WUZHONG, fast, null);
		clock.set(LocalDateTime.of(2026, 10, 12, 9, 0));
		filings.approve(WUZHONG, slow, null);
		FilingMetrics m = filings.metrics(WUZHONG, "", LocalDate.of(2026, 9, 29), LocalDate.of(2026, 10, 12));
		assertThat(m.total().completed()).isGreaterThanOrEqualTo(2);
		assertThat(m.total().maxWorkingDays()).isGreaterThanOrEqualTo(6);
		assertThat(m.byCounty()).singleElement().satisfies(r -> assertThat(r.label()).isEqualTo("吴中区"));
		assertThat(m.byBrand()).anySatisfy(r -> assertThat(r.label()).isEqualTo("顺丰"));
		assertThat(m.total().onTimeRate()).isLessThan(new BigDecimal("100"));
		// a region asked for narrows the figures (attack 48: the region was ignored): 姑苏区 has none of 吴中's filings
		FilingMetrics gusu = filings.metrics(DataScope.all(), "320508", LocalDate.of(2026, 9, 29), LocalDate.of(2026, 10, 12));
		assertThat(gusu.byCounty()).extracting(FilingMetrics.Row::key).doesNotContain("320506");
		assertThat(filings.metrics(DataScope.all(), "320506", LocalDate.of(2026, 9, 29), LocalDate.of(2026, 10, 12))
			.byCounty()).extracting(FilingMetrics.Row::key).containsExactly("320506");
	}

	static byte[] oversize() {
		byte[] big = new byte[5 * 1024 * 1024 + 1];
		big[0] = (byte) 0xFF;
		big[1] = (byte) 0xD8;
		big[2] = (byte) 0xFF;
		return big;
	}
}
