package org.youguan.web;

import org.springframework.stereotype.Component;
import org.youguan.kernel.Actors;

/**
 * A page's access to {@link Actors#shown}: a template shows a stored who-did-it stamp as
 * {@code ${@actors.shown(plan.createdBy())}}, so a change made by a job or the demo data reads 系统, not "system".
 */
@Component("actors")
public final class ActorStamps {

	/** The stamp as shown: {@value Actors#SYSTEM} reads {@value Actors#SHOWN}; any other value (or null) unchanged. */
	public String shown(String stamp) {
		return Actors.shown(stamp);
	}
}
