package hotpath;

import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.MessageMapping;

class MessageListeners {
  static void probe() {}

  @KafkaListener(topics = "orders")
  void onOrder(String payload) {
    // BUG: Diagnostic contains: hot in message handler `MessageListeners.onOrder` (topic orders)
    probe();
  }

  @RabbitListener(queues = "invoices")
  void onInvoice(String payload) {
    // BUG: Diagnostic contains: hot in message handler `MessageListeners.onInvoice` (queue invoices)
    probe();
  }

  @JmsListener(destination = "refunds")
  void onRefund(String payload) {
    // BUG: Diagnostic contains: hot in message handler `MessageListeners.onRefund` (destination refunds)
    probe();
  }

  @MessageMapping("/chat")
  void onChat(String payload) {
    // BUG: Diagnostic contains: hot in message handler `MessageListeners.onChat`
    probe();
  }

  void notAListener(String payload) {
    probe();
  }
}
