package org.youguan.licensing;

/**
 * What is applied for: a new licence (新设), a change of one (变更), its renewal (延续) or a branch (分支机构). Only a new
 * licence is issued a licence number of its own; a change, a renewal and a branch act on the licence the enterprise holds
 * in force (快递业务经营许可管理办法: one enterprise, one licence; a branch is recorded on its licence's branch list — 变更
 * of the item 分支机构 — and filed as 分支机构备案, never licensed apart).
 */
public enum ApplicationKind {

	NEW("新设许可"), CHANGE("变更"), RENEWAL("延续"), BRANCH("分支机构");

	private final String label;

	ApplicationKind(String label) {
		this.label = label;
	}

	/** The kind in Chinese. */
	public String label() {
		return label;
	}

	/**
	 * Whether an application of this kind acts on the licence its applicant holds in force (变更, 延续, 分支机构) rather than
	 * issuing a licence of its own (新设).
	 */
	public boolean amendsLicence() {
		return switch (this) {
			case NEW -> false;
			case CHANGE, RENEWAL, BRANCH -> true;
		};
	}
}
