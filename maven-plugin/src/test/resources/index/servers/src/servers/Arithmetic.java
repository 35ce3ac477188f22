package servers;

/** Used by {@link CalculatorHandler}. */
public class Arithmetic {
  public int sum(int left, int right) {
    return left + right;
  }
}
