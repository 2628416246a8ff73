package org.youguan.enforcement;

/**
 * 从轻 or 减轻 处罚 (行政处罚法(2021) art.32): 从轻 chooses a fine in the lower part of the range; 减轻 goes below the
 * range's minimum. Either needs one of art.32's grounds and a reason.
 */
public enum Mitigation {

	/** 从轻处罚: within the range. */
	LIGHTER("从轻处罚"),
	/** 减轻处罚: below the minimum of the range. */
	REDUCED("减轻处罚");

	private final String label;

	Mitigation(String label) {
		this.label = label;
	}

	/** The Chinese name shown on pages. */
	public String label() {
		return label;
	}

	/** The grounds of 行政处罚法(2021) art.32 (一)–(五). */
	public enum Ground {

		/** (一) 主动消除或者减轻违法行为危害后果. */
		ELIMINATED_HARM("主动消除或者减轻违法行为危害后果（第32条第1项）"),
		/** (二) 受他人胁迫或者诱骗实施违法行为. */
		COERCED("受他人胁迫或者诱骗实施违法行为（第32条第2项）"),
		/** (三) 主动供述行政机关尚未掌握的违法行为. */
		CONFESSED("主动供述行政机关尚未掌握的违法行为（第32条第3项）"),
		/** (四) 配合行政机关查处违法行为有立功表现. */
		COOPERATED("配合查处违法行为有立功表现（第32条第4项）"),
		/** (五) 法律、法规、规章规定其他应当从轻或者减轻行政处罚的. */
		OTHER_PROVISION("法律、法规、规章规定的其他情形（第32条第5项）");

		private final String label;

		Ground(String label) {
			this.label = label;
		}

		/** The ground as cited, with its item of art.32. */
		public String label() {
			return label;
		}
	}
}
