package org.youguan.universal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening hours that close the office are told by the ways a closure is written (停/暂停/停止/终止 before a word of
 * business, 停运, 停用, 搬迁, 休馆 …), not by a list of words; ordinary hours with a break or a day off are no closure.
 */
class PostOfficeClosureWordsTest {

	@Test
	void closurePhrasingsBeyondTheOldWordListCloseTheOffice() {
		for (String word : List.of("暂停营运", "暂停运营", "停止运营", "停运", "已搬迁", "停办业务", "暂停办理业务", "已停用", "长期休馆",
				"终止营业", "中止服务", "迁址至新区", "闭馆", "撤并", "暫停運營", "暂停办理", "不再对外营业",
				// the words the list knew stay closures
				"歇业", "闭店", "关门", "停业", "已撤销", "不再营业", "暂停营业")) {
			assertThat(PostOffices.saysClosed("8:30-17:30 " + word)).as(word).isTrue();
		}
		// a break is a short period beside another opening period, not the whole day written twice
		assertThat(PostOffices.saysClosed("8:30-17:30，8:30-17:30暂停营运")).isTrue();
		assertThat(PostOffices.saysClosed("8:30-17:30，12:00-13:00暂停营运，13:00-17:30暂停营运")).isTrue();
	}

	@Test
	void ordinaryHoursWithABreakOrADayOffAreNoClosure() {
		for (String hours : List.of("周一至周六 8:30-17:30，午休12:00-13:00", "8:30-17:30 午休", "8:30-17:30，节假日休息",
				"周一至周六 8:30-17:30，周日休息", "周一至周五 8:30-17:30，周末停止营业", "8:30-17:30，中午12:00-13:00休息",
				"8:30-17:30（不办理汇兑业务）", "周一至周日 8:00-18:00", "8:30-17:30，节假日停止办理业务",
				"周一至周六 8:30-17:30，12:00-13:00暂停办理业务")) {
			assertThat(PostOffices.saysClosed(hours)).as(hours).isFalse();
		}
	}
}
