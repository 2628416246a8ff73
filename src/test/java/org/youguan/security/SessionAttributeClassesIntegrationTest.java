package org.youguan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.FlashMap;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.FieldError;

/**
 * The session store reads back only the classes a session holds: what a signed-in user's session really stores (its
 * security context, a saved request, a refused step's flash map with its errors and typed values) reads back whole,
 * while an attribute of any other class written into the session table is never made — its {@code readObject} does
 * not run — and reads as absent.
 */
@IntegrationTest
class SessionAttributeClassesIntegrationTest {

	@Autowired
	JdbcIndexedSessionRepository sessions;

	@Autowired
	SessionAttributeCodec codec;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	/** A class no session holds, which tells when it is made from stored bytes. */
	static final class Gadget implements Serializable {

		private static final long serialVersionUID = 1L;

		static volatile boolean made;

		private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
			in.defaultReadObject();
			made = true;
		}
	}

	@Test
	@SuppressWarnings({ "rawtypes", "unchecked" })
	void anAttributeOfAClassNoSessionHoldsIsNeverMadeAndReadsAsAbsent() {
		SessionRepository repository = sessions;
		Session session = repository.createSession();
		session.setAttribute("gadget", new Gadget());
		session.setAttribute("gadgets", List.of("text", new Gadget()));
		session.setAttribute("message", "已保存");
		FlashMap flash = new FlashMap();
		flash.put("errors", List.of(new FieldError("name", "required", "名称不能为空")));
		session.setAttribute("flash", new java.util.ArrayList<>(List.of(flash)));
		repository.save(session);
		Gadget.made = false;

		Session read = repository.findById(session.getId());
		assertThat((Object) read.getAttribute("gadget")).isNull();
		assertThat((Object) read.getAttribute("gadgets")).isNull();
		assertThat(Gadget.made).as("its readObject never ran").isFalse();
		assertThat((String) read.getAttribute("message")).isEqualTo("已保存");
		List<FlashMap> maps = read.getAttribute("flash");
		assertThat(maps.get(0).get("errors")).isEqualTo(List.of(new FieldError("name", "required", "名称不能为空")));
		repository.deleteById(session.getId());
	}

	@Test
	void whatASignedInSessionStoresReadsBackWhole() throws Exception {
		MockHttpSession anonymous = new MockHttpSession();
		// a saved request (a page asked for before signing in)
		mvc.perform(get("/registry/enterprises").param("q", "测试").session(anonymous));
		MockHttpSession admin = SignIn.session(mvc, "sz.market");
		// a refused page step: its errors and typed values flashed to the page after the redirect
		long active = jdbc.sql("SELECT id FROM enterprise WHERE status = 'NORMAL' AND region_code LIKE '3205%' ORDER BY id LIMIT 1").query(Long.class).single();
		mvc.perform(post("/registry/enterprises/" + active + "/resume").session(admin).with(csrf()));
		List<byte[]> stored = jdbc.sql("SELECT attribute_bytes FROM spring_session_attributes").query(byte[].class).list();
		assertThat(stored).isNotEmpty();
		SessionAttributeCodec fresh = new SessionAttributeCodec(getClass().getClassLoader());
		for (byte[] bytes : stored) {
			assertThat(fresh.read(bytes)).isNotNull();
		}
		assertThat(SessionAttributeCodec.allowed(Gadget.class)).isFalse();
		assertThat(SessionAttributeCodec.allowed(java.net.URL.class)).isFalse();
		assertThat(codec).isNotNull();
	}
}
