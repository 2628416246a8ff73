package org.youguan.inspections;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A bureau changes and deactivates the inspection items it added (API and pages, each change audited with what
 * changed); the default items derived from the law and the items of bureaus above or below are refused (403), a
 * sibling bureau's item, which its catalogue does not show, is not there (404); a published version of
 * the list keeps the item as published; a deactivated item is no longer offered for records.
 */
@IntegrationTest
class InspectionItemEditIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String XIANGCHENG = "Bearer demo-xc-staff-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	InspectionItems items;

	@Autowired
	UserDirectory directory;

	@Autowired
	JdbcClient jdbc;

	CurrentUser wz() {
		return directory.principal("wz.staff").orElseThrow();
	}

	/** What makes the name of an item {@link #addItem} adds its own: a bureau's items may not share a name. */
	static String tag(String code) {
		return code.substring(3);
	}

	String addItem() {
		String code = "WZ_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
		return items.add(DataScope.region("320506"), wz().bureauId(), "陈吴中", new InspectionItems.ItemData(code,
				"快递柜寄存收费公示" + tag(code), "EXPRESS_REGULATION", 0, "OUTLET", "ON_SITE", List.of("收费标准公示", "免费保管期限公示")));
	}

	ResultActions update(String token, String code, String json) throws Exception {
		return mvc.perform(put("/api/v1/inspections/items/" + code).header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	@Test
	void theBureauThatAddedAnItemChangesItAndThePublishedVersionStays() throws Exception {
		String code = addItem();
		InspectionItems.PublishedList published = items.publish(wz().bureauId(), "陈吴中");

		update(WUZHONG, code, """
				{"name":"智能快件箱收费公示","legalText":"EXPRESS_REGULATION","article":0,"objectType":"OUTLET",
				 "method":"ON_SITE","checklist":["收费标准公示","免费保管期限公示","收费不超过公示标准"]}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("智能快件箱收费公示"))
			.andExpect(jsonPath("$.checklist.length()").value(3));
		assertThat(items.list(DataScope.region("320506"))).filteredOn(i -> i.code().equals(code))
			.extracting(InspectionItem::name).containsExactly("智能快件箱收费公示");
		assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'inspection-item.update' AND summary LIKE :code")
			.param("code", "%" + code + "%").query(String.class).single())
			.contains("快递柜寄存收费公示" + tag(code) + " → 智能快件箱收费公示").contains("收费不超过公示标准");
		assertThat(items.publications("320506", false)).filteredOn(l -> l.id() == published.id())
			.flatExtracting(InspectionItems.PublishedList::items).filteredOn(i -> i.code().equals(code))
			.extracting(InspectionItems.PublishedItem::name).as("the published version keeps the item as published")
			.containsExactly("快递柜寄存收费公示" + tag(code));
		assertThat(published.items()).filteredOn(i -> i.code().equals(code)).extracting(InspectionItems.PublishedItem::basis)
			.as("the public list cites the text as a document does, not 快递暂行条例(2025)").containsExactly("《快递暂行条例》");

		update(WUZHONG, code, """
				{"name":" ","legalText":"NOT_A_LAW","objectType":"OUTLET","method":"ON_SITE","checklist":[]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("legalText")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("checklist")));
	}

	@Test
	void anItemNamedLikeAnotherOfTheBureauOrADefaultItemIsRefusedWith409() throws Exception {
		String code = addItem();
		String name = "快递柜寄存收费公示" + tag(code);
		String again = "WZ_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
		// the double-submitted form, and the same name typed with full-width letters, spaces or small letters
		for (String twin : List.of(name, "快递柜寄存 收费公示" + tag(code).toLowerCase(), "快递柜寄存\u3000收费公示" + wide(tag(code)))) {
			mvc.perform(post("/inspections/items/new").session(SignIn.session(mvc, "wz.staff")).with(csrf())
				.param("code", again).param("name", twin).param("legalText", "EXPRESS_REGULATION").param("objectType", "OUTLET")
				.param("method", "ON_SITE").param("checklist", "收费标准公示"))
				.andExpect(status().isConflict())
				.andExpect(content().string(containsString("同一单位的抽查事项名称不能重复")));
		}
		// a statutory default item's name is in the bureau's catalogue too
		mvc.perform(post("/inspections/items/new").session(SignIn.session(mvc, "wz.staff")).with(csrf())
			.param("code", again).param("name", "实名　收寄").param("legalText", "EXPRESS_REGULATION").param("objectType", "OUTLET")
			.param("method", "ON_SITE").param("checklist", "一条"))
			.andExpect(status().isConflict());
		assertThat(items.own(wz().bureauId())).extracting(InspectionItems.OwnItem::code).doesNotContain(again);
		// renaming another item to the look-alike: 409 naming the field; its own name respaced passes
		String other = addItem();
		update(WUZHONG, other, """
				{"name":"%s","legalText":"EXPRESS_REGULATION","article":0,"objectType":"OUTLET","method":"ON_SITE",
				 "checklist":["收费标准公示"]}""".formatted("快递柜寄存 收费公示" + tag(code)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")));
		update(WUZHONG, code, """
				{"name":"%s","legalText":"EXPRESS_REGULATION","article":0,"objectType":"OUTLET","method":"ON_SITE",
				 "checklist":["收费标准公示","免费保管期限公示"]}""".formatted("快递柜寄存 收费公示" + tag(code)))
			.andExpect(status().isOk());
		// another bureau may use the name
		items.add(DataScope.region("320507"), directory.principal("xc.staff").orElseThrow().bureauId(), "相城",
				new InspectionItems.ItemData(again, name, "EXPRESS_REGULATION", 0, "OUTLET", "ON_SITE", List.of("一条")));
	}

	/** Letters and digits as a Chinese input method's full-width mode types them. */
	static String wide(String ascii) {
		StringBuilder out = new StringBuilder();
		ascii.chars().forEach(c -> out.append((char) (c > ' ' && c <= '~' ? c + 0xFEE0 : c)));
		return out.toString();
	}

	@Test
	void defaultItemsAndOtherBureausItemsAreNotABureausToChange() throws Exception {
		String code = addItem();
		String json = """
				{"name":"改名","legalText":"EXPRESS_REGULATION","article":23,"objectType":"OUTLET","method":"ON_SITE",
				 "checklist":["一条"]}""";
		update(WUZHONG, "REAL_NAME", json).andExpect(status().isForbidden());
		// a sibling county does not see 吴中's item in its catalogue: it is not there for it, as an unknown code is (404),
		// never "only the bureau that added it may change it", which says it exists
		update(XIANGCHENG, code, json).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(not(containsString("只有增加"))));
		update(WUZHONG, "NO_SUCH_ITEM", json).andExpect(status().isNotFound());
		// the city reads its county's item (list): it is refused the change (403), not told it is not there
		assertThat(items.list(DataScope.region("3205"))).extracting(InspectionItem::code).contains(code);
		assertThatThrownBy(() -> items.editable(directory.principal("sz.admin").orElseThrow().bureauId(), code))
			.isInstanceOf(AccessRefusedException.class);
		assertThatThrownBy(() -> items.editable(directory.principal("xc.staff").orElseThrow().bureauId(), code))
			.isInstanceOf(DomainException.class).isNotInstanceOf(AccessRefusedException.class);
		mvc.perform(post("/api/v1/inspections/items/REAL_NAME/deactivate").header("Authorization", WUZHONG))
			.andExpect(status().isForbidden());
		assertThat(items.list(DataScope.region("320506"))).extracting(InspectionItem::name).contains("实名收寄");

		MockHttpSession session = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/inspections/items/REAL_NAME/edit").session(session)).andExpect(status().isForbidden());
		mvc.perform(get("/inspections/items/" + code + "/edit").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("快递柜寄存收费公示")));
		mvc.perform(get("/inspections/items").session(session))
			.andExpect(content().string(containsString("id=\"edit-" + code + "\"")))
			.andExpect(content().string(not(containsString("id=\"edit-REAL_NAME\""))));
	}

	/**
	 * Attack: an item's steps are addressed by its code, which the access-before-fields rule did not guard — another
	 * bureau sending an unreadable body to an item was told the body (400), which says the item is there. Now it is
	 * refused as the step refuses it (403) before the body is read; a code in another form than the kept one (lower case,
	 * full width) names no item (404); the item's own bureau is told the body.
	 */
	@Test
	void anItemsStepIsRefusedBeforeItsBodyAndAnotherFormOfItsCodeNamesNone() throws Exception {
		String code = addItem();
		String unreadable = "{\"name\":\"改名\",\"article\":\"abc\"}";
		update(XIANGCHENG, code, unreadable).andExpect(status().isNotFound());
		update(WUZHONG, "REAL_NAME", unreadable).andExpect(status().isForbidden());
		update(WUZHONG, code, unreadable).andExpect(status().isBadRequest());
		for (String other : new String[] { code.toLowerCase(), wide(code), code.substring(0, 1) }) {
			update(WUZHONG, other, unreadable).andExpect(status().isNotFound());
			mvc.perform(post("/api/v1/inspections/items/" + other + "/deactivate").header("Authorization", WUZHONG))
				.andExpect(status().isNotFound());
		}
		assertThat(items.editable(wz().bureauId(), code).active()).isTrue();
		// the catalogue's own pages under the same address are no item's step: the new item's form is told its fields
		mvc.perform(post("/inspections/items/new").session(SignIn.session(mvc, "wz.staff")).with(csrf()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aDeactivatedItemIsNoLongerOfferedAndComesBack() throws Exception {
		String code = addItem();
		MockHttpSession session = SignIn.session(mvc, "wz.staff");
		mvc.perform(post("/inspections/items/" + code + "/deactivate").session(session).with(csrf()))
			.andExpect(redirectedUrl("/inspections/items"));
		mvc.perform(get("/api/v1/inspections/items").header("Authorization", WUZHONG))
			.andExpect(jsonPath("$[*].code", not(hasItem(code))));
		mvc.perform(get("/inspections/items").session(session))
			.andExpect(content().string(containsString("id=\"activate-" + code + "\"")));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'inspection-item.deactivate' AND summary LIKE :code")
			.param("code", "%" + code + "%").query(Long.class).single()).isEqualTo(1);
		mvc.perform(post("/api/v1/inspections/items/" + code + "/deactivate").header("Authorization", WUZHONG))
			.andExpect(status().isConflict())
			// a conflict names its field and rule like every refusal: the item's state
			.andExpect(jsonPath("$.errors[0].field").value("status"))
			.andExpect(jsonPath("$.errors[0].rule").value("state"));

		mvc.perform(post("/api/v1/inspections/items/" + code + "/activate").header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(true));
		mvc.perform(get("/api/v1/inspections/items").header("Authorization", WUZHONG))
			.andExpect(jsonPath("$[*].code", hasItem(code)));
	}

	@Test
	void anItemNameTypedWithWideOrDoubledSpacesIsStoredWithOneOnAddingAndChanging() {
		String code = "WZ_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
		items.add(DataScope.region("320506"), wz().bureauId(), "陈吴中", new InspectionItems.ItemData(code,
				" 快递柜\u3000\u3000收费  公示\u00A0", "EXPRESS_REGULATION", 0, "OUTLET", "ON_SITE", List.of("收费标准公示")));
		assertThat(items.editable(wz().bureauId(), code).name()).isEqualTo("快递柜 收费 公示");
		items.update(wz().bureauId(), code, new InspectionItems.ItemData(code, "快递柜\u3000寄存  收费", "EXPRESS_REGULATION", 0,
				"OUTLET", "ON_SITE", List.of("收费标准公示")));
		assertThat(items.editable(wz().bureauId(), code).name()).isEqualTo("快递柜 寄存 收费");
	}

	@Test
	void aChecklistLineWithAHiddenCharacterOrALineBreakIsRefusedByItsLineAndSpacesAreStoredAsOne() throws Exception {
		String code = addItem();
		// the form's textarea: the third line as typed (a blank second line counts) holds a zero-width space
		update(WUZHONG, code, """
				{"name":"快递柜寄存收费公示","legalText":"EXPRESS_REGULATION","article":0,"objectType":"OUTLET",
				 "method":"ON_SITE","checklist":["收费标准公示","","免费\u200B保管期限公示","收费\\n不超过公示标准"]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'checklist')].rule", hasItem("invisible-character")))
			.andExpect(jsonPath("$.errors[?(@.field == 'checklist')].rule", hasItem("line-break")))
			.andExpect(jsonPath("$.errors[?(@.field == 'checklist')].message",
					hasItem(startsWith("检查内容第3行含有看不见的字符"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'checklist')].message",
					hasItem(startsWith("检查内容第4行含换行"))));
		assertThat(items.editable(wz().bureauId(), code).checklist()).as("nothing saved")
			.containsExactly("收费标准公示", "免费保管期限公示");
		update(WUZHONG, code, """
				{"name":"快递柜寄存收费公示","legalText":"EXPRESS_REGULATION","article":0,"objectType":"OUTLET",
				 "method":"ON_SITE","checklist":["收费标准\u3000\u3000公示 ","免费  保管期限公示"]}""")
			.andExpect(status().isOk());
		assertThat(items.editable(wz().bureauId(), code).checklist()).containsExactly("收费标准 公示", "免费 保管期限公示");
	}

	/**
	 * A checklist line is a free text (one check to make), not a name: markup in it is told as a text's ("该内容会原样写入
	 * 文书…"), not as a name's ("名称、地址会原样印在…请只填写名称或地址本身"), and a line over 200 characters is told by its
	 * line — the name rule told the first and one joint "至多30条，每条不超过200字" for the second.
	 */
	@Test
	void aChecklistLineIsCheckedAsAFreeTextLineNotAsAName() throws Exception {
		String code = addItem();
		update(WUZHONG, code, """
				{"name":"快递柜寄存收费公示","legalText":"EXPRESS_REGULATION","article":0,"objectType":"OUTLET",
				 "method":"ON_SITE","checklist":["<b>收费标准</b>公示","收费<3元的公示"]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'checklist')].message",
					hasItem(startsWith("检查内容第1行不能含有网页标记"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'checklist')].message",
					hasItem(containsString("该内容会原样写入文书"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'checklist')].message",
					not(hasItem(containsString("请只填写名称或地址本身")))));
		update(WUZHONG, code, """
				{"name":"快递柜寄存收费公示","legalText":"EXPRESS_REGULATION","article":0,"objectType":"OUTLET",
				 "method":"ON_SITE","checklist":["收费标准公示","%s"]}""".formatted("核".repeat(201)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'checklist')].message", hasItem("检查内容第2行不能超过200个字符")));
		assertThat(items.editable(wz().bureauId(), code).checklist()).as("nothing saved")
			.containsExactly("收费标准公示", "免费保管期限公示");
	}
}
