package org.youguan.universal;

import org.youguan.kernel.HanVariants;
import org.youguan.kernel.Text;

/**
 * The key by which the universal service's "different people" rules compare names — a 通邮 check's team of at least two
 * inspectors (现场检查人员不得少于两人), a supervision record's inspectors counted as 检查人次: the key 集体讨论's
 * participants are compared by (enforcement), {@link Text#folded} (NFKC, spaces and invisible characters removed) with
 * traditional characters as simplified ({@link HanVariants}), so "张三", "张 三", "张三" in full width and "張三" are one
 * person, not two. Compared, never stored or shown: the name keeps the form it was first typed in.
 */
final class PersonNames {

	private PersonNames() {
	}

	/**
	 * The comparison key of a person's name.
	 * @param name as typed, cleaned; null stays null
	 */
	static String key(String name) {
		String folded = Text.folded(name);
		return folded == null ? null : HanVariants.simplified(folded);
	}
}
