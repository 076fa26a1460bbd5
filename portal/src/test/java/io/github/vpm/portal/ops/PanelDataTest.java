package io.github.vpm.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PanelDataTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void theLastHourIsOnTheStepGrid() {
        TimeRange range = TimeRange.lastHour(Instant.ofEpochSecond(1_700_000_007));
        assertThat(range.endSeconds()).isEqualTo(1_699_999_995L);
        assertThat(range.startSeconds()).isEqualTo(1_699_999_995L - 3600);
        assertThat(range.stepSeconds()).isEqualTo(15);
        assertThat(range.points()).isEqualTo(241);
        assertThat(range.index(range.startSeconds())).isZero();
        assertThat(range.index(range.endSeconds())).isEqualTo(240);
        assertThat(range.index(range.startSeconds() + 7)).isEqualTo(-1);
        assertThat(range.index(range.endSeconds() + 15)).isEqualTo(-1);
    }

    @Test
    void seriesOfEveryQueryShareOneTimeAxisWithGapsAsNull() throws Exception {
        OpsPanel panel = OpsPanels.byId("checkpoint-size").orElseThrow();
        TimeRange range = new TimeRange(1000, 1060, 15);
        JsonNode incremental = json("{'status':'success','data':{'resultType':'matrix','result':["
                + "{'metric':{'job_name':'max-pressure'},'values':[[1000,'10'],[1030,'12.5'],[1060,'NaN']]}]}}");
        JsonNode full = json("{'status':'success','data':{'resultType':'matrix','result':["
                + "{'metric':{'job_name':'b-job'},'values':[[1015,'1e3'],[1045.0,'+Inf']]},"
                + "{'metric':{'job_name':'a-job'},'values':[[1060,'7']]}]}}");
        PanelData data = PanelData.of(panel, range, List.of(incremental, full));
        assertThat(data.series()).extracting(PanelData.Series::name)
                .containsExactly("incremental (max-pressure)", "full state (a-job)", "full state (b-job)");
        assertThat(data.series().get(0).values()).containsExactly(10.0, null, 12.5, null, null);
        assertThat(data.series().get(1).values()).containsExactly(null, null, null, null, 7.0);
        assertThat(data.series().get(2).values()).containsExactly(null, 1000.0, null, null, null);
        assertThat(data.hasValues()).isTrue();
    }

    @Test
    void noSeriesIsAnEmptyPanelNotAnError() throws Exception {
        OpsPanel panel = OpsPanels.byId("heap").orElseThrow();
        PanelData data = PanelData.of(panel, new TimeRange(0, 30, 15),
                List.of(json("{'status':'success','data':{'resultType':'matrix','result':[]}}")));
        assertThat(data.series()).isEmpty();
        assertThat(data.hasValues()).isFalse();
    }

    @Test
    void prometheusErrorsAndForeignAnswersAreReported() throws Exception {
        OpsPanel panel = OpsPanels.byId("heap").orElseThrow();
        TimeRange range = new TimeRange(0, 30, 15);
        assertThatThrownBy(() -> PanelData.of(panel, range, List.of(json(
                "{'status':'error','errorType':'bad_data','error':'parse error at char 3'}"))))
                .isInstanceOf(PrometheusException.class).hasMessage("bad_data: parse error at char 3");
        assertThatThrownBy(() -> PanelData.of(panel, range, List.of(json("{'hello':'world'}"))))
                .isInstanceOf(PrometheusException.class).hasMessageContaining("not a Prometheus API answer");
        assertThatThrownBy(() -> PanelData.of(panel, range, List.of(json(
                "{'status':'success','data':{'resultType':'vector','result':[]}}"))))
                .isInstanceOf(PrometheusException.class).hasMessageContaining("expected a matrix");
    }

    @Test
    void firingAlertsMostSevereFirstWithTheirAnnotationsPendingLeftOut() throws Exception {
        JsonNode answer = json("{'status':'success','data':{'alerts':["
                + "{'labels':{'alertname':'VpmDeadLetters','severity':'warning','job_name':'max-pressure'},"
                + "'annotations':{'summary':'dead letters','description':'read sensor_pressure_dlq'},"
                + "'state':'firing','activeAt':'2026-12-02T15:00:00.123Z','value':'1e+00'},"
                + "{'labels':{'alertname':'VpmKafkaBrokerDown','severity':'critical'},"
                + "'annotations':{'summary':'broker down','description':'systemctl status kafka'},"
                + "'state':'firing','activeAt':'2026-12-02T15:01:00Z','value':'0e+00'},"
                + "{'labels':{'alertname':'VpmHostDiskFull','severity':'warning'},'annotations':{},"
                + "'state':'pending','activeAt':'2026-12-02T15:02:00Z','value':'9e-01'}]}}");
        List<FiringAlert> alerts = FiringAlert.parse(answer);
        assertThat(alerts).extracting(FiringAlert::name).containsExactly("VpmKafkaBrokerDown", "VpmDeadLetters");
        FiringAlert dead = alerts.get(1);
        assertThat(dead.severity()).isEqualTo("warning");
        assertThat(dead.summary()).isEqualTo("dead letters");
        assertThat(dead.description()).isEqualTo("read sensor_pressure_dlq");
        assertThat(dead.activeAt()).isEqualTo("2026-12-02T15:00:00.123Z");
        assertThat(dead.labels()).containsEntry("job_name", "max-pressure");
        assertThat(FiringAlert.parse(json("{'status':'success','data':{'alerts':[]}}"))).isEmpty();
        assertThatThrownBy(() -> FiringAlert.parse(json("{'status':'success','data':{}}")))
                .isInstanceOf(PrometheusException.class);
    }
}
