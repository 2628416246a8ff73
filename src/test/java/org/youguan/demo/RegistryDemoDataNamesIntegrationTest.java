package org.youguan.demo;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's companies are named as local companies are: the city's name once before the county's (苏州吴中…), a
 * development zone by its whole name (attack: "苏州苏州工业园韵达快递服务有限公司").
 */
@IntegrationTest
class RegistryDemoDataNamesIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCitysNameIsWrittenOnceAndTheZoneKeepsItsWholeName() {
		assertThat(RegistryDemoData.inCity("吴中")).isEqualTo("苏州吴中");
		assertThat(RegistryDemoData.inCity("苏州工业园区")).isEqualTo("苏州工业园区");
		assertThat(jdbc.sql("SELECT legal_name FROM enterprise WHERE demo AND legal_name LIKE '%苏州苏州%'")
			.query(String.class).list()).isEmpty();
		assertThat(jdbc.sql("SELECT legal_name FROM enterprise WHERE demo AND region_code LIKE '320576%'")
			.query(String.class).list()).isNotEmpty().allSatisfy(n -> assertThat(n).doesNotContain("工业园韵").doesNotContain("苏州苏州"))
			.contains("苏州工业园区韵达快递服务有限公司");
	}
}
