package org.youguan.universal;


import org.youguan.kernel.Text;
/**
 * How mail reaches a 建制村: straight to the village committee (直接通邮), or handed over at a 邮乐购站, a 村邮站 or
 * another handover point in the village.
 */
public enum DeliveryMode {

	DIRECT("直接通邮"), POSTAL_SHOP("邮乐购站"), VILLAGE_POST("村邮站"), OTHER("其他交接点");

	private final String label;

	DeliveryMode(String label) {
		this.label = label;
	}

	/** The Chinese name shown on pages, sheets and exports. */
	public String label() {
		return label;
	}

	/** The mode by its code or its Chinese name, or null when the text names none. */
	public static DeliveryMode parse(String text) {
		if (text == null) {
			return null;
		}
		String t = Text.strip(text);
		for (DeliveryMode mode : values()) {
			if (mode.name().equalsIgnoreCase(t) || mode.label.equals(t)) {
				return mode;
			}
		}
		return switch (t) {
			case "直接通邮到村委会", "直投", "直接投递" -> DIRECT;
			case "邮乐购" -> POSTAL_SHOP;
			case "村邮站点" -> VILLAGE_POST;
			case "其他", "其他交接点位" -> OTHER;
			default -> null;
		};
	}
}
