package org.youguan.registry.internal;

/** Who may change the registers: the {@code @PreAuthorize} rule shared by the registry's pages and imports. */
public final class RegistryAccess {

	/** Staff, bureau administrators and the system administrator register and change entries; leaders only read. */
	public static final String WRITERS = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','STAFF')";

	private RegistryAccess() {
	}
}
