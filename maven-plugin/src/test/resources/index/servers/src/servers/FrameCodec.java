package servers;

/** Decodes frames for {@link FrameHandler}. */
public class FrameCodec {
  public Object decode(Object frame) {
    return frame;
  }

  /** Not called per frame. */
  public void reset() {}
}
