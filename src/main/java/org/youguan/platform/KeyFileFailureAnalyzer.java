package org.youguan.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start refused because of a key file (wrong permissions, unreadable, damaged) ends with the plain reason and what
 * to do, instead of a stack trace.
 */
class KeyFileFailureAnalyzer extends AbstractFailureAnalyzer<KeyFiles.KeyFileException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, KeyFiles.KeyFileException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"密钥保存在数据目录的 keys/ 下（或由 YOUGUAN_AUDIT_KEY、YOUGUAN_DATA_KEY、YOUGUAN_DATA_INDEX_KEY 配置），"
						+ "只能由运行邮管通的用户读写（chmod 600，目录 chmod 700）。密钥不在数据库备份中：请另行备份。",
				cause);
	}
}
