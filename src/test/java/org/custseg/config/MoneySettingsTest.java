package org.custseg.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneySettingsTest {

  @Test
  void emptyMeansNoneAndCodesAreUpperCased() {
    assertThat(new MoneySettings("", " ")).isEqualTo(new MoneySettings(null, null));
    assertThat(new MoneySettings(" eur ", "rates.csv").currency()).isEqualTo("EUR");
  }

  @Test
  void theCurrencyMustBeAnIso4217Code() {
    assertThatThrownBy(() -> new MoneySettings("EURO", ""))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("segmentation.money.currency must be an ISO 4217 code such as EUR, got 'EURO'");
    assertThatThrownBy(() -> new MoneySettings("XYZ", ""))
        .hasMessage("segmentation.money.currency must be an ISO 4217 code such as EUR, got 'XYZ'");
  }

  @Test
  void ratesNeedACurrency() {
    assertThatThrownBy(() -> new MoneySettings("", "rates.csv"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(
            "segmentation.money.rates is set but segmentation.money.currency is not");
  }
}
