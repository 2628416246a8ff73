package org.youguan.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.util.unit.DataSize;
import org.youguan.IntegrationTest;
import org.youguan.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JSON body sent in chunks (no {@code Content-Length}) through the real Tomcat is counted as it is read: the byte past
 * {@code youguan.web.max-json-body} fails the read and the answer is the same 413 as a body declared too large, on
 * any JSON endpoint — never the whole body held in the heap. (The configuration of {@code RealServerInputIntegrationTest},
 * so the two share one server.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.max-request-size=10MB" })
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@Import(IntegrationTest.Clocks.class)
class BodySizeLimitRealServerIntegrationTest {

	@LocalServerPort
	int port;

	@Value("${youguan.web.max-json-body:5MB}")
	DataSize limit;

	@Test
	void aChunkedJsonBodyOverTheLimitIsA413NamingTheLimitOnTwoEndpoints() throws Exception {
		String[][] endpoints = { { "/api/v1/safety/couriers", BodySizeLimitIntegrationTest.SHUNFENG },
				{ "/api/v1/safety/hazards", BodySizeLimitIntegrationTest.CITY } };
		for (String[] endpoint : endpoints) {
			String answer = chunked(endpoint[0], endpoint[1], BodySizeLimitIntegrationTest.json(limit.toBytes() + 1024));
			assertThat(answer).as(endpoint[0]).startsWith("HTTP/1.1 413");
			assertThat(answer).as(endpoint[0]).contains("\"field\":\"body\"", "\"rule\":\"size\"",
					"不超过" + limit.toMegabytes() + "MB");
		}
	}

	/** The body in chunks of 64 KB, then the answer as read to the end (the server may stop reading at the limit). */
	String chunked(String path, String authorization, byte[] body) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization
					+ "\r\nContent-Type: application/json\r\nAccept: application/json\r\nTransfer-Encoding: chunked\r\n"
					+ "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			try {
				for (int at = 0; at < body.length; at += 65_536) {
					int n = Math.min(65_536, body.length - at);
					out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
					out.write(body, at, n);
					out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
				}
				out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
			}
			catch (IOException ex) {
				// the server answered and closed before the whole body was sent: its answer is still to be read
			}
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
