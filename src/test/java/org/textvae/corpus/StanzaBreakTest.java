package org.textvae.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.textvae.ci.TuneLine;

/** The stanza breaks of well-known tunes, from their forms without the break. */
class StanzaBreakTest {

    /** A form written as lengths, each followed by 。 (rhyme) or ， (pause). */
    private static List<TuneLine> form(String text) {
        List<TuneLine> lines = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 2) {
            lines.add(new TuneLine(text.charAt(i) - '0', text.charAt(i + 1) == '。'));
        }
        return lines;
    }

    @Test
    void doubleStanzaTunesBreakWhereTheirSecondStanzaStarts() {
        assertEquals(3, StanzaBreak.of(form("7。7。7。7，7。7。"))); // 浣溪沙
        assertEquals(4, StanzaBreak.of(form("7。7。5。5。5。5。5。5。"))); // 菩萨蛮
        assertEquals(4, StanzaBreak.of(form("7。7。7，7。3，3。7。7，7。"))); // 鹧鸪天
        assertEquals(4, StanzaBreak.of(form("4。5。7。6。6。6。6，6。"))); // 清平乐
        assertEquals(4, StanzaBreak.of(form("5，5。7，5。5，5。7，5。"))); // 卜算子
        // Second stanzas that open differently and end alike but for one line.
        assertEquals(
                12,
                StanzaBreak.of(form("4，4，4。4，4，5。4，4，6。3，4，6。4，4，6。4，4，5。4，4，6。3，4，4。"))); // 永遇乐
        assertEquals(
                12,
                StanzaBreak.of(form("6，7。4，4，4。4，4，4。5，4，3，3。6。3，4。4，4，4。4，4，4。5，4，4。"))); // 水龙吟
    }

    @Test
    void singleStanzaTunesHaveNoBreak() {
        assertEquals(0, StanzaBreak.of(form("6。6。5，6。2。2。6。"))); // 如梦令
        assertEquals(0, StanzaBreak.of(form("7。7。7。3。7。"))); // 忆王孙
        assertEquals(0, StanzaBreak.of(form("7。7。3，3。7。"))); // 渔父
        assertEquals(0, StanzaBreak.of(form("7。"))); // one line
    }
}
