package org.youguan.kernel;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** One rule for who-did-it stamps: the signed-in name, else "system" — which every page shows as 系统. */
class ActorsTest {

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aJobWithNoOneSignedInIsStampedSystem() {
		SecurityContextHolder.clearContext();
		assertThat(Actors.currentName()).isEqualTo("system").isEqualTo(Actors.SYSTEM);
		assertThat(Actors.signedIn()).isEmpty();
	}

	@Test
	void aSignedInAccountIsStampedWithItsSignInName() {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("sz.admin",
				null, List.of(new SimpleGrantedAuthority("ROLE_X"))));
		assertThat(Actors.currentName()).isEqualTo("sz.admin");
	}

	@Test
	void anUnauthenticatedTokenIsNoOneSignedIn() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.unauthenticated("typed.name", "secret"));
		assertThat(Actors.currentName()).isEqualTo(Actors.SYSTEM);
	}

	@Test
	void systemIsShownInChineseAndEveryOtherStampAsStored() {
		assertThat(Actors.shown(Actors.SYSTEM)).isEqualTo("系统");
		assertThat(Actors.shown("sz.admin（张三）")).isEqualTo("sz.admin（张三）");
		assertThat(Actors.shown(null)).isNull();
	}
}
