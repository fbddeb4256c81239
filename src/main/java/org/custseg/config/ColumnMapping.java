package org.custseg.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Header names of the export's columns ({@code segmentation.input.columns}); an empty optional name
 * means "not in the export".
 */
public record ColumnMapping(
    String transactionId,
    String customerId,
    String orderTs,
    String amount,
    String currency,
    String quantity,
    String unitPrice,
    String storeId,
    String channel,
    String country) {

  public ColumnMapping {
    Require.that(
        customerId != null && !customerId.isBlank(),
        "segmentation.input.columns.customer-id is required");
    Require.that(
        orderTs != null && !orderTs.isBlank(), "segmentation.input.columns.order-ts is required");
    Require.that(
        amount != null && !amount.isBlank()
            || quantity != null && !quantity.isBlank() && unitPrice != null && !unitPrice.isBlank(),
        "segmentation.input.columns.amount is required unless quantity and unit-price are "
            + "mapped (then amount = quantity x unit price)");
  }

  /** Logical column name to export header name, optional columns left out when unset. */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, "transaction_id", transactionId);
    put(m, "customer_id", customerId);
    put(m, "order_ts", orderTs);
    put(m, "amount", amount);
    put(m, "currency", currency);
    put(m, "quantity", quantity);
    put(m, "unit_price", unitPrice);
    put(m, "store_id", storeId);
    put(m, "channel", channel);
    put(m, "country", country);
    return m;
  }

  /** Whether the amount is derived as quantity x unit price (no amount column mapped). */
  public boolean amountFromQuantity() {
    return amount == null || amount.isBlank();
  }

  private static void put(Map<String, String> m, String logical, String header) {
    if (header != null && !header.isBlank()) {
      m.put(logical, header.trim());
    }
  }
}
