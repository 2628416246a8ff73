package org.youguan.org.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.youguan.org.PasswordPolicy;

/**
 * Builds the password rule's guessability estimator ({@link PasswordPolicy#prepare}) once the node has started, on a
 * daemon thread of its own: the node answers meanwhile, and the first password change it serves does not wait the
 * three seconds its pinyin dictionary takes to build. A failure is logged (password checks then fail as they would
 * have without the warm-up).
 */
@Component
class PasswordRuleWarmUp {

	private static final Logger log = LoggerFactory.getLogger(PasswordRuleWarmUp.class);

	/** Starts the build when the application is ready. */
	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		start();
	}

	/**
	 * Starts building the estimator on a daemon thread named {@code password-rule-warm-up}.
	 * @return the started thread (tests join it)
	 */
	Thread start() {
		Thread thread = new Thread(PasswordRuleWarmUp::prepare, "password-rule-warm-up");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private static void prepare() {
		try {
			PasswordPolicy.prepare();
		}
		catch (RuntimeException | Error ex) {
			log.warn("The password rule's dictionary could not be built at startup; the first password check will try again", ex);
		}
	}
}
