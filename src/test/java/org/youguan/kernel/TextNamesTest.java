package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Names typed in one box: every separator people use, in any run, and never a blank name. */
class TextNamesTest {

	@Test
	void namesAreSplitAtEverySeparatorPeopleTypeAndBlanksAreDropped() {
		assertThat(Text.names("张三、李四，王五 赵六;钱七；孙八,周九")).containsExactly("张三", "李四", "王五", "赵六", "钱七", "孙八",
				"周九");
		assertThat(Text.names("、 张三 ,， 李四\n\t王五；")).containsExactly("张三", "李四", "王五");
		assertThat(Text.names("张三")).containsExactly("张三");
	}

	@Test
	void nothingTypedIsNoName() {
		assertThat(Text.names(null)).isEmpty();
		assertThat(Text.names("")).isEmpty();
		assertThat(Text.names(" 、，; ")).isEmpty();
	}

	@Test
	void aFullWidthSpaceIsPartOfANameAsItWasBeforeTheHelper() {
		assertThat(Text.names("张三\u3000李四")).containsExactly("张三\u3000李四");
	}

	/**
	 * Attack: "王 普服" was two inspectors (a team of one passing the rule of two, 检查人次 inflated). People's names are
	 * split at 、 , ， ; ； and line breaks only: a space stays inside the name, which the callers compare by a key.
	 */
	@Test
	void aSpaceInsideAPersonsNameKeepsItOnePerson() {
		assertThat(Text.personNames("王 普服")).containsExactly("王 普服");
		assertThat(Text.personNames(" 王 普服、王普服，陈吴中;张三；李四,赵六\n钱七\r\n孙八 、")).containsExactly("王 普服", "王普服", "陈吴中",
				"张三", "李四", "赵六", "钱七", "孙八");
		assertThat(Text.personNames(null)).isEmpty();
		assertThat(Text.personNames(" 、，; ")).isEmpty();
	}
}
