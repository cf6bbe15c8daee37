// Periods as the city writes them: a month (2025-03), a quarter (2025-Q1) or a year (2025).
import { Select } from 'antd';
import dayjs from 'dayjs';

export function periodChoices(): { value: string; label: string }[] {
  const now = dayjs();
  const months = Array.from({ length: 12 }, (_, i) => now.subtract(i, 'month')).map((d) => ({ value: d.format('YYYY-MM'), label: d.format('YYYY年M月') }));
  const q = Math.floor(now.month() / 3) + 1;
  const quarters = Array.from({ length: 4 }, (_, i) => {
    const n = q - i - 1;
    const year = now.year() + Math.floor(n / 4);
    const quarter = ((n % 4) + 4) % 4 + 1;
    return { value: `${year}-Q${quarter}`, label: `${year}年第${quarter}季度` };
  });
  const years = [now.year(), now.year() - 1].map((y) => ({ value: String(y), label: `${y}年` }));
  // The 2023 winter plan's targets are seeded at 2023-Q4 (and 2024 for the reserve).
  return [...months, ...quarters, ...years, { value: '2023-Q4', label: '2023年第4季度（冬季攻坚）' }, { value: '2024', label: '2024年' }]
    .filter((c, i, all) => all.findIndex((x) => x.value === c.value) === i);
}

export function PeriodPicker({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return <Select showSearch value={value} onChange={onChange} options={periodChoices()} style={{ width: 270 }} data-testid="period" />;
}
