package org.youguan.platform;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.youguan.kernel.Text;

/**
 * The name of this application node in a cluster (N nodes on one PostgreSQL): written as {@code locked_by} of the
 * scheduled-job locks and as {@code node} of the background jobs it runs, so an operator sees which node did what.
 * {@code youguan.node-name} when set, otherwise host name, process id and a random suffix (unique even for two
 * application contexts in one process, as in the two-node test).
 */
@Component
public class ClusterNode {

	private final String name;

	ClusterNode(@Value("${youguan.node-name:}") String configured) {
		this.name = configured == null || Text.isBlank(configured) ? generated() : Text.strip(configured);
	}

	/** This node's name (at most 200 characters). */
	public String name() {
		return name;
	}

	private static String generated() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "localhost";
		}
		String name = host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/"
				+ UUID.randomUUID().toString().substring(0, 8);
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

	@Override
	public String toString() {
		return name;
	}
}
