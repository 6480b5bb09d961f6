package org.leadingtogether.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What a logger logs while some code runs, for tests that check what the log says: a timer's failure logged once
 * ({@code MinuteJobTest}), the digest's check given up while the database was held up ({@code NotificationIT}, in the
 * container, where the portal's loggers are the same as the test's).
 */
public final class LogRecords {

    /** Code that may throw anything, run while the records are kept. */
    public interface Action {
        void run() throws Exception;
    }

    private LogRecords() {
    }

    /**
     * The records {@code logger} publishes while {@code during} runs, from any thread. With {@code quiet} they are only
     * kept, not passed on to the console as well.
     */
    public static List<LogRecord> during(String logger, boolean quiet, Action during) throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler keep = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(logger);
        boolean passedOn = log.getUseParentHandlers();
        log.addHandler(keep);
        log.setUseParentHandlers(passedOn && !quiet);
        try {
            during.run();
        } finally {
            log.removeHandler(keep);
            log.setUseParentHandlers(passedOn);
        }
        return records;
    }
}
