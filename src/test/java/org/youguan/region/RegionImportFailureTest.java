package org.youguan.region;

import org.junit.jupiter.api.Test;

import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A region import that stops is told to the user in Chinese: a refusal in its own words, anything else — a database
 * error naming tables in English — as an internal error, never its text.
 */
class RegionImportFailureTest {

	@Test
	void anUnexpectedErrorsTextIsNotShown() {
		assertThat(RegionImporter.failed(new IllegalStateException("ERROR: relation \"region\" does not exist")))
			.startsWith("导入失败：").contains("系统内部错误").doesNotContain("relation", "ERROR");
		assertThat(RegionImporter.failed(new InvalidValueException("file", "format", "第3行的代码不是12位")))
			.isEqualTo("导入失败：第3行的代码不是12位");
	}
}
