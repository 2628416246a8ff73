package org.youguan.enforcement;

import org.youguan.rules.Provision;

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
		ELIMINATED_HARM("主动消除或者减轻违法行为危害后果", Provision.PENALTY_MITIGATION_HARM_ELIMINATED, "主动消除或者减轻违法行为危害后果"),
		/** (二) 受他人胁迫或者诱骗实施违法行为. */
		COERCED("受他人胁迫或者诱骗实施违法行为", Provision.PENALTY_MITIGATION_COERCED, "受他人胁迫或者诱骗实施违法行为"),
		/** (三) 主动供述行政机关尚未掌握的违法行为. */
		CONFESSED("主动供述行政机关尚未掌握的违法行为", Provision.PENALTY_MITIGATION_CONFESSED, "主动供述行政机关尚未掌握的违法行为"),
		/** (四) 配合行政机关查处违法行为有立功表现. */
		COOPERATED("配合查处违法行为有立功表现", Provision.PENALTY_MITIGATION_COOPERATED, "配合行政机关查处违法行为有立功表现"),
		/** (五) 法律、法规、规章规定其他应当从轻或者减轻行政处罚的. */
		OTHER_PROVISION("法律、法规、规章规定的其他情形", Provision.PENALTY_MITIGATION_OTHER, "法律、法规、规章规定其他应当从轻或者减轻行政处罚的");

		private final String summary;

		private final Provision item;

		private final String wording;

		Ground(String summary, Provision item, String wording) {
			this.summary = summary;
			this.item = item;
			this.wording = wording;
		}

		/**
		 * The ground as a document cites it, once: the article and its item, then the law's own words — e.g.
		 * 《中华人民共和国行政处罚法》第三十二条第（一）项“主动消除或者减轻违法行为危害后果”.
		 */
		public String cited() {
			return item.formal() + "“" + wording + "”";
		}

		/** The ground as cited, with its item of art.32: 主动消除或者减轻违法行为危害后果（行政处罚法(2021) 第32条第1项）. */
		public String label() {
			return summary + "（" + item + "）";
		}
	}
}
