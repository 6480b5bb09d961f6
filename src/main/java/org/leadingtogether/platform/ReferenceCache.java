package org.leadingtogether.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps reference data that every page reads and almost nothing changes (the active framework, the published
 * lessons), so a learner's home page does not rebuild them from the database on every request.
 *
 * <p>Values are immutable records and lists. This instance forgets everything when a change to that data
 * commits here ({@link #forgetAfterCommit()}: a content reload, a framework made active), so its own pages
 * are never stale. Other instances of a cluster do not hear of the change and keep their copy for at most
 * {@code CACHE_REFERENCE_SECONDS} (default 60), the price of needing no cluster-wide messaging for data
 * an administrator changes a few times a year.
 */
@ApplicationScoped
public class ReferenceCache {

    private record Entry(Object value, long loadedAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "cache.reference.seconds", defaultValue = "60")
    private long seconds;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** The value kept under {@code key}, loaded (in the caller's transaction) if absent or older than allowed. */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> loader) {
        long now = System.nanoTime();
        Entry entry = entries.get(key);
        if (entry != null && now - entry.loadedAt() < TimeUnit.SECONDS.toNanos(seconds)) {
            return (T) entry.value();
        }
        T value = loader.get();
        entries.put(key, new Entry(value, now));
        return value;
    }

    /**
     * Forgets every value once the current transaction has ended (committed or not), so that no request
     * can load the old data again between the change and its commit and keep it.
     */
    public void forgetAfterCommit() {
        entries.clear();
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    entries.clear();
                }
            });
        }
    }
}
