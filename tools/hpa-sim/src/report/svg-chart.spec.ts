import { niceTicks, shortNumber } from './nice-scale';
import { renderSvgChart } from './svg-chart';

describe('SVG chart', () => {
  it('renders one polyline per series and escapes text', () => {
    const svg = renderSvgChart({
      title: 'queue <depth> & replicas',
      subtitle: 's',
      xLabel: 'minutes',
      panels: [
        {
          title: 'a',
          series: [
            {
              name: 'x',
              color: '#000',
              points: [
                [0, 1],
                [10, 5],
              ],
            },
            {
              name: 'y',
              color: '#f00',
              points: [
                [0, 2],
                [10, 3],
              ],
            },
          ],
        },
        {
          title: 'b',
          series: [
            {
              name: 'z',
              color: '#00f',
              points: [
                [0, 0],
                [10, 1],
              ],
            },
          ],
          references: [{ label: 'bound', value: 0.5, color: '#f00' }],
        },
      ],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(3);
    expect(svg).toContain('queue &lt;depth&gt; &amp; replicas');
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });

  it('picks round ticks and short labels', () => {
    expect(niceTicks(5000)).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    expect(niceTicks(0.9)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect([shortNumber(1500), shortNumber(2_000_000), shortNumber(0.25)]).toEqual([
      '1.5k',
      '2M',
      '0.25',
    ]);
  });
});
