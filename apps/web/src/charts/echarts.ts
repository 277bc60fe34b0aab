/**
 * The one place ECharts is set up: only the charts and components this app draws are
 * registered (tree-shaken `echarts/core`), and the option type is narrowed to them.
 */
import { BarChart, HeatmapChart, LineChart, MapChart, PieChart, RadarChart, ScatterChart } from 'echarts/charts';
import type {
  BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, MapSeriesOption, PieSeriesOption, RadarSeriesOption, ScatterSeriesOption,
} from 'echarts/charts';
import {
  AriaComponent, GridComponent, LegendComponent, MarkLineComponent, RadarComponent, TitleComponent, TooltipComponent, VisualMapComponent,
} from 'echarts/components';
import type {
  AriaComponentOption, GridComponentOption, LegendComponentOption, MarkLineComponentOption, RadarComponentOption, TitleComponentOption,
  TooltipComponentOption, VisualMapComponentOption,
} from 'echarts/components';
import { type ComposeOption, registerMap, use } from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

use([
  BarChart, HeatmapChart, LineChart, MapChart, PieChart, RadarChart, ScatterChart,
  AriaComponent, GridComponent, LegendComponent, MarkLineComponent, RadarComponent, TitleComponent, TooltipComponent, VisualMapComponent,
  CanvasRenderer, LabelLayout,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption | HeatmapSeriesOption | LineSeriesOption | MapSeriesOption | PieSeriesOption | RadarSeriesOption | ScatterSeriesOption
  | AriaComponentOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | RadarComponentOption
  | TitleComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

export { registerMap };
