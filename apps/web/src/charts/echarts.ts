/**
 * The one place ECharts is set up: only the charts and components this app draws are
 * registered (tree-shaken `echarts/core`), and the option type is narrowed to them.
 */
import type {
  BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, MapSeriesOption, RadarSeriesOption, ScatterSeriesOption,
} from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import type {
  AriaComponentOption, GridComponentOption, LegendComponentOption, MarkLineComponentOption, RadarComponentOption, TitleComponentOption,
  TooltipComponentOption, VisualMapComponentOption,
} from 'echarts/components';
import { type ComposeOption, registerMap, use } from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

/** What every chart needs; each option module registers its own series and components (see register()). */
use([AriaComponent, GridComponent, TooltipComponent, CanvasRenderer, LabelLayout]);

/**
 * Registers the series and components one option module draws, next to the builder that uses
 * them, so a page's chunk carries only its own chart code (echarts' use() is idempotent).
 */
export const register = use;

export type ChartOption = ComposeOption<
  | BarSeriesOption | HeatmapSeriesOption | LineSeriesOption | MapSeriesOption | RadarSeriesOption | ScatterSeriesOption
  | AriaComponentOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | RadarComponentOption
  | TitleComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

export { registerMap };
