package org.youguan.org;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PinyinWordsTest {

	@Test
	void readsAPlaceByItsShortNameAndFullNameInPinyin() {
		assertThat(PinyinWords.place("苏州市")).contains("苏州", "suzhou", "suzhoushi");
		assertThat(PinyinWords.place("延边朝鲜族自治州")).contains("yanbian");
		assertThat(PinyinWords.place("广西壮族自治区")).contains("guangxi");
		assertThat(PinyinWords.place("新疆维吾尔自治区")).contains("xinjiang");
		assertThat(PinyinWords.place("内蒙古自治区")).contains("neimenggu");
		assertThat(PinyinWords.place("市辖区")).isEmpty();
	}

	/** ICU reads 长 as zhang and 厦 as sha; in place names they are chang and xia: both spellings count. */
	@Test
	void keepsThePlaceNameReadingOfCharactersReadOtherwise() {
		assertThat(PinyinWords.pinyin("长沙")).contains("changsha");
		assertThat(PinyinWords.pinyin("厦门")).contains("xiamen");
		assertThat(PinyinWords.pinyin("曾小明")).contains("zengxiaoming");
	}

	@Test
	void readsAPersonsNameWholeBySurnameGivenNameAndInitials() {
		assertThat(PinyinWords.person("陈吴中")).contains("陈吴中", "chenwuzhong", "chen", "wuzhong", "cwz");
		assertThat(PinyinWords.person("Li Lei")).containsExactly("Li Lei");
	}

	/** A full name in either order, in pinyin with ü as u, v and yu, and in 汉字. */
	@Test
	void spellsAFullNameEachWayAPasswordHoldsIt() {
		assertThat(PinyinWords.fullNames("吕伟")).contains("luwei", "lvwei", "lyuwei", "weilu", "weilv", "weilyu");
		assertThat(PinyinWords.fullNames("女娲")).contains("nvwa", "nyuwa", "nuwa");
		// either order first, then each syllable also backwards (li → il)
		assertThat(PinyinWords.fullNames("李四")).startsWith("lisi", "sili")
			.containsExactlyInAnyOrder("lisi", "sili", "ilsi", "liis", "ilis", "isli", "siil", "isil");
		assertThat(PinyinWords.fullNamesInHan("陈吴中")).startsWith("陈吴中", "吴中陈", "中陈吴")
			.containsExactlyInAnyOrder("陈吴中", "吴中陈", "中陈吴", "陈中吴", "吴陈中", "中吴陈");
		assertThat(PinyinWords.fullNamesInHan("Li Lei")).isEmpty();
		assertThat(PinyinWords.fullNamesInHan(null)).isEmpty();
	}

	/**
	 * Attack on password rules (D): 陈吴中's "ZhongwuChen#26" (given name's syllables swapped) and "Nehc#Gnohzuw26"
	 * (surname and given name each backwards) were taken. Every order of the syllables, each also backwards, is the
	 * name; the given name's syllables swapped are one of the person's words.
	 */
	@Test
	void spellsTheNamesSyllablesInEveryOrderAndBackwards() {
		assertThat(PinyinWords.fullNames("陈吴中")).contains("chenwuzhong", "wuzhongchen", "zhongwuchen", "chenzhongwu",
				"nehcgnohzuw", "gnohzuwnehc", "chengnohzuw").hasSize(48);
		assertThat(PinyinWords.fullNames("吕伟")).contains("weivl", "uylwei");
		assertThat(PinyinWords.person("陈吴中")).contains("zhongwu");
		assertThat(PinyinWords.orders(3)).hasSize(6).first().isEqualTo(List.of(0, 1, 2));
	}

	@Test
	void readsAnEnterpriseByItsNameWithoutTheCompanyForm() {
		assertThat(PinyinWords.enterprise("苏州吴中顺丰快递服务有限公司")).contains("suzhouwuzhongshunfengkuaidifuwu");
		assertThat(PinyinWords.enterprise(null)).isEmpty();
	}

	/** The dictionary holds the trade's words and brands first, then every province and city from the region data. */
	@Test
	void theDictionaryHoldsBrandsProvincesCitiesAndCounties() {
		List<String> words = PinyinWords.dictionary();
		assertThat(words).contains("youzheng", "kuaidi", "shunfeng", "zhongtong", "jitu", "cainiao", "jiangsu", "xizang",
				"suzhou", "guangzhou", "lanzhou", "kunshan", "wuzhong");
		assertThat(words.indexOf("shunfeng")).isLessThan(words.indexOf("jiangsu"));
		assertThat(words.indexOf("jiangsu")).isLessThan(words.indexOf("kunshan"));
		assertThat(words).allMatch(w -> w.matches("[a-z0-9]{3,}"));
	}
}
