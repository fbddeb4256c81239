package org.custseg.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ReportLabelsTest {

  private static final ReportLabels EN = ReportLabels.forLocale(Locale.ENGLISH);
  private static final ReportLabels ZH = ReportLabels.forLanguageTag("zh-CN");

  @Test
  void bothBundlesHaveExactlyTheSameKeys() throws Exception {
    Properties en = load("report/messages.properties");
    Properties zh = load("report/messages_zh_CN.properties");

    assertThat(zh.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    assertThat(en.values()).allSatisfy(v -> assertThat((String) v).isNotEmpty());
    assertThat(zh.values()).allSatisfy(v -> assertThat((String) v).isNotEmpty());
  }

  @Test
  void everyTierQuadrantSegmentAndAxisHasALabelInBothLanguages() throws Exception {
    Properties en = load("report/messages.properties");
    Properties zh = load("report/messages_zh_CN.properties");
    List<String> keys = new ArrayList<>();
    ReportLabels.TIERS.forEach(k -> keys.add("tier." + k));
    ReportLabels.MIGRATION_EXTRA.forEach(k -> keys.add("tier." + k));
    ReportLabels.QUADRANTS.forEach(k -> keys.add("quadrant." + k));
    ReportLabels.SEGMENTS.forEach(k -> keys.add("segment." + k));

    for (String key : keys) {
      assertThat(en.getProperty(key)).as("en " + key).isNotBlank();
      assertThat(zh.getProperty(key)).as("zh-CN " + key).isNotBlank();
    }
    // the Chinese labels are really Chinese (VIP stays VIP)
    for (String key : keys) {
      if (!key.equals("tier.vip")) {
        assertThat(zh.getProperty(key)).as("zh-CN " + key).containsPattern("\\p{IsHan}");
      }
    }
  }

  @Test
  void chineseLabelsAreTheAgreedOnes() {
    assertThat(ReportLabels.TIERS.stream().map(ZH::tier))
        .containsExactly("VIP", "重要", "中等", "小客户", "不活跃");
    assertThat(ReportLabels.QUADRANTS.stream().map(ZH::quadrant))
        .containsExactly("明星", "问题", "现金牛", "瘦狗");
    assertThat(ZH.languageTag()).isEqualTo("zh-CN");
    assertThat(ZH.text("page.title")).isEqualTo("客户细分报告");
  }

  @Test
  void englishStaysEnglishWhateverTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
      ReportLabels en = ReportLabels.forLocale(Locale.ENGLISH);
      assertThat(en.tier("key")).isEqualTo("Key");
      assertThat(en.languageTag()).isEqualTo("en");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void unknownKeysAreShownAsGivenAndTraditionalChineseGetsChinese() {
    assertThat(EN.segment("big_spenders")).isEqualTo("big_spenders");
    Units units = new Units("EUR", 365, 12, 30.4375, 365);
    assertThat(EN.measure("my own axis", units)).isEqualTo("my own axis");
    assertThat(EN.measure("trailing_value", units)).isEqualTo("Net spend, trailing 365 days");
    assertThat(ReportLabels.forLanguageTag("zh-TW").segment("champions")).isEqualTo("冠军客户");
    assertThat(ReportLabels.forLanguageTag("fr").segment("champions")).isEqualTo("Champions");
    assertThat(EN.format("page.subtitle", "2024-06-30", "EUR"))
        .isEqualTo("Run date 2024-06-30 · amounts in EUR");
  }

  private static Properties load(String name) throws Exception {
    Properties p = new Properties();
    try (InputStream in = ReportLabelsTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
