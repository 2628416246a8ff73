package org.youguan.filing;

/**
 * Kinds of filing attachments (快递末端网点备案暂行规定(2018)).
 */
public enum AttachmentKind {

	BUSINESS_LICENCE("营业执照"), MANAGER_ID("负责人身份证件"), PHOTO("场地照片"), AUTHORISATION("上级企业授权书"), SUPPLEMENT("补正材料");

	private final String label;

	AttachmentKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
