package org.youguan.complaints;

/**
 * How a complaint arrived.
 */
public enum Channel {

	WEB("网上申诉"), PHONE("电话（12305）"), LETTER("信函"), HOTLINE("12345热线转办"), API("系统对接");

	private final String label;

	Channel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
