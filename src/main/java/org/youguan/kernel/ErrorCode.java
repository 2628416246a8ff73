package org.youguan.kernel;

/**
 * The one catalogue of error codes: the title a user sees and the HTTP status the API answers with.
 */
public enum ErrorCode {

	INVALID_VALUE("输入有误", 400),
	NOT_FOUND("未找到", 404),
	ACCESS_DENIED("无权访问", 403),
	ILLEGAL_TRANSITION("当前状态不允许此操作", 409),
	DUPLICATE("重复", 409),
	TOO_LARGE("文件过大", 413),
	/** A body in a coding or format the endpoint does not take (an unknown {@code Content-Encoding}). */
	UNSUPPORTED_MEDIA_TYPE("内容类型不支持", 415),
	RULE_VIOLATION("不符合规定", 422),
	TOO_MANY_REQUESTS("请求过多", 429),
	IMPORT_REJECTED("导入被拒绝", 422),
	/** A backing service (e.g. the Kafka brokers of the safety transport) did not answer in time: try again later. */
	UNAVAILABLE("服务暂时不可用", 503);

	private final String title;

	private final int status;

	ErrorCode(String title, int status) {
		this.title = title;
		this.status = status;
	}

	/** The problem title shown with the message. */
	public String title() {
		return title;
	}

	public int status() {
		return status;
	}
}
