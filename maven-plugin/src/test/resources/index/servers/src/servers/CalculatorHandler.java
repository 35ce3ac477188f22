package servers;

import org.apache.thrift.TException;

/** A Thrift service implementation: every method of its generated Iface is called per RPC. */
public class CalculatorHandler implements Calculator.Iface {
  private final Arithmetic arithmetic = new Arithmetic();

  @Override
  public int add(int left, int right) throws TException {
    return arithmetic.sum(left, right);
  }
}
