package org.youguan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.FlashMap;

/**
 * Attack E1: flash maps of redirects never followed piled up in the session — a one-time password or a new API token
 * among them for minutes. A session keeps at most {@link TokenFlashMaps#MAX_FLASH_MAPS} maps, the newest, and one
 * secret at a time, which expires after {@link TokenFlashMaps#SECRET_SECONDS}.
 */
class FlashMapPruningTest {

	static FlashMap map(String key, String value) {
		FlashMap m = new FlashMap();
		m.put(key, value);
		m.startExpirationPeriod(180);
		return m;
	}

	@Test
	void aSessionKeepsTheNewestFlashMapsAndOneSecret() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		List<FlashMap> maps = new ArrayList<>();
		maps.add(map("secret", "临时密码：old-1"));
		for (int i = 0; i < 12; i++) {
			maps.add(map("message", "第" + i + "次"));
		}
		FlashMap expired = map("message", "过期");
		expired.startExpirationPeriod(-1);
		maps.add(expired);
		FlashMap token = map("newToken", "yg_new");
		maps.add(token);
		request.getSession().setAttribute(TokenFlashMaps.FLASH_MAPS, maps);

		TokenFlashMaps.prune(request, token);

		@SuppressWarnings("unchecked")
		List<FlashMap> kept = (List<FlashMap>) request.getSession().getAttribute(TokenFlashMaps.FLASH_MAPS);
		assertThat(kept).hasSize(TokenFlashMaps.MAX_FLASH_MAPS).doesNotContain(expired).last().isSameAs(token);
		assertThat(kept).filteredOn(m -> m.containsKey("secret") || m.containsKey("newToken")).containsExactly(token);
		assertThat(token.getExpirationTime() - System.currentTimeMillis())
			.isLessThanOrEqualTo(TokenFlashMaps.SECRET_SECONDS * 1000L);
	}
}
