package org.youguan.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Nodes of a cluster that start at the same time on an empty database take turns for the start-up work: the first
 * application runner takes a PostgreSQL advisory lock and the last one releases it, so the seeders in between
 * (regions, calendar, first administrator, demo city — each of which does nothing when its data is there) run on one
 * node at a time, and a node that waited finds the data loaded. The lock is held on a connection of its own and ends
 * with it, also when the start fails.
 */
@Configuration(proxyBeanMethods = false)
class StartupSeedingLock {

	private static final Logger log = LoggerFactory.getLogger(StartupSeedingLock.class);

	/** The advisory lock's key: "YouGuan1" in ASCII. */
	static final long KEY = 0x596f754775616e31L;

	/** The connection holding the lock between the first and the last application runner. */
	static final class Holder implements DisposableBean {

		private final DataSource dataSource;

		private Connection connection;

		Holder(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		synchronized void acquire() throws SQLException {
			connection = dataSource.getConnection();
			connection.setAutoCommit(true);
			if (!call("SELECT pg_try_advisory_lock(?)")) {
				log.info("Another node is running its start-up work on this database; waiting for it");
				call("SELECT pg_advisory_lock(?) IS NULL");
			}
		}

		synchronized void release() throws SQLException {
			if (connection != null) {
				try (Connection c = connection) {
					call("SELECT pg_advisory_unlock(?)");
				}
				finally {
					connection = null;
				}
			}
		}

		private boolean call(String sql) throws SQLException {
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				statement.setLong(1, KEY);
				try (ResultSet rs = statement.executeQuery()) {
					return rs.next() && rs.getBoolean(1);
				}
			}
		}

		@Override
		public void destroy() throws SQLException {
			release();
		}
	}

	@Bean
	Holder startupSeedingLockHolder(DataSource dataSource) {
		return new Holder(dataSource);
	}

	@Bean
	ApplicationRunner takeStartupSeedingLock(Holder holder) {
		return new Step(holder, true);
	}

	@Bean
	ApplicationRunner releaseStartupSeedingLock(Holder holder) {
		return new Step(holder, false);
	}

	/** The first (take) or the last (release) application runner. */
	private record Step(Holder holder, boolean take) implements ApplicationRunner, Ordered {

		@Override
		public void run(ApplicationArguments args) throws SQLException {
			if (take) {
				holder.acquire();
			}
			else {
				holder.release();
			}
		}

		@Override
		public int getOrder() {
			return take ? Ordered.HIGHEST_PRECEDENCE : Ordered.LOWEST_PRECEDENCE;
		}
	}
}
