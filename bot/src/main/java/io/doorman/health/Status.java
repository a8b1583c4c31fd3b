package io.doorman.health;

/** Whether something is ready, and a word on why not (or where it is). */
public record Status(boolean ready, String detail) {

  public static Status ready(String detail) {
    return new Status(true, detail);
  }

  public static Status notReady(String detail) {
    return new Status(false, detail);
  }
}
