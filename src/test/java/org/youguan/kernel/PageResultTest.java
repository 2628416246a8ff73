package org.youguan.kernel;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pager's page numbers: a 上一页/下一页 link always names a page in [0, last], however far out of range the page asked
 * for was — no int overflow at {@link Integer#MAX_VALUE}, no negative page after a negative one was asked for.
 */
class PageResultTest {

	private static PageResult<String> page(int page, long total) {
		return new PageResult<>(List.of(), page, 20, total);
	}

	@Test
	void theLinksOfAMiddlePageAreItsNeighbours() {
		PageResult<String> middle = page(1, 60);
		assertThat(middle.totalPages()).isEqualTo(3);
		assertThat(middle.previousPage()).isZero();
		assertThat(middle.nextPage()).isEqualTo(2);
		assertThat(middle.hasPrevious()).isTrue();
		assertThat(middle.hasNext()).isTrue();
		assertThat(middle.number()).isEqualTo(2);
	}

	@Test
	void theLastPageOfIntegerRangeHasNoNextAndLinksBackToTheLastPageWithRows() {
		PageResult<String> far = page(Integer.MAX_VALUE, 60);
		assertThat(far.hasNext()).as("page + 1 overflowed to a negative number, which is < totalPages").isFalse();
		assertThat(far.nextPage()).isEqualTo(2);
		assertThat(far.previousPage()).isEqualTo(2);
		assertThat(far.number()).isEqualTo(2_147_483_648L);
	}

	@Test
	void theFirstPageLinksNoFurtherBackThanItself() {
		PageResult<String> first = page(0, 60);
		assertThat(first.hasPrevious()).isFalse();
		assertThat(first.previousPage()).isZero();
		assertThat(first.nextPage()).isEqualTo(1);
	}

	@Test
	void aListWithoutRowsLinksToPageZero() {
		PageResult<String> empty = page(5, 0);
		assertThat(empty.totalPages()).isZero();
		assertThat(empty.lastPage()).isZero();
		assertThat(empty.previousPage()).isZero();
		assertThat(empty.nextPage()).isZero();
		assertThat(empty.hasPrevious()).isFalse();
		assertThat(empty.hasNext()).isFalse();
	}

	@Test
	void aNegativePageIsAskedForAsTheFirstAndItsOffsetNeverOverflows() {
		assertThat(PageQuery.of(null, -3, 20, null, null).page()).isZero();
		assertThat(PageQuery.of(null, Integer.MAX_VALUE, PageQuery.MAX_SIZE, null, null).offset())
			.isEqualTo((long) Integer.MAX_VALUE * PageQuery.MAX_SIZE);
		assertThat(page(0, Long.MAX_VALUE).totalPages()).isEqualTo(Integer.MAX_VALUE);
	}
}
