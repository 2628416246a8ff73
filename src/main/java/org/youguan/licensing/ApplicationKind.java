package org.youguan.licensing;

/**
 * What is applied for: a new licence, a change of one, its renewal (延续) or a branch (分支机构).
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
}
