package org.custseg.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An exclusive lock per run date, held for the whole run, so two runs of the same date never
 * overlap. An OS file lock: the operating system releases it when the process dies (even on {@code
 * kill -9}), so a crashed run never blocks the next one.
 */
public final class RunLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock, or empty when another process holds it. */
  public static Optional<RunLock> tryAcquire(Path dir, LocalDate runDate) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("run_date=" + runDate + ".lock");
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      channel.truncate(0);
      channel.write(
          java.nio.ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
      return Optional.of(new RunLock(channel, lock));
    } catch (java.nio.channels.OverlappingFileLockException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock run date " + runDate + " in " + dir, e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
