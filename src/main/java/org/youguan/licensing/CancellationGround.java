package org.youguan.licensing;

/**
 * The grounds on which a licence is cancelled (注销, 行政许可法(2019) art.70; 快递业务经营许可管理办法).
 */
public enum CancellationGround {

	EXPIRED("有效期届满未延续"), LEGAL_PERSON_ENDED("法人资格依法终止"), NO_OPERATION("取得许可后无正当理由超过6个月未经营"),
	STOPPED("主动停止经营快递业务"), OTHER("法律、法规规定的其他情形");

	private final String label;

	CancellationGround(String label) {
		this.label = label;
	}

	/** The ground in Chinese. */
	public String label() {
		return label;
	}
}
