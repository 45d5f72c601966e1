import { registerTranslation } from '../platform/translations.ts';
import type { CalculatorField, FieldProblem } from './calculator-model.ts';


declare module '../platform/translations.ts' {
  interface Terms {
    calcLabel: string;
    calcCustomers: string;
    calcRevenue: string;
    calcValue: string;
    calcField: (field: CalculatorField) => string;
    calcProblem: (problem: FieldProblem) => string;
    calcResults: string;
    calcRetention: string;
    calcCustomerChurn: string;
    calcRevenueChurn: string;
    calcNrr: string;
    calcLtv: string;
    calcRetentionFormula: string;
    calcChurnFormula: string;
    calcRevenueChurnFormula: string;
    calcNrrFormula: string;
    calcLtvFormula: string;
    calcNetNegative: string;
    calcNeeds: (fields: string) => string;
    calcNoChurn: string;
    calcReactivated: (count: number) => string;
    calcLost: (count: number) => string;
    calcSummaryEmpty: string;
    calcTable: string;
    calcMeasure: string;
    calcResultValue: string;
  }
}

registerTranslation('en', {
  calcLabel: 'Customer retention calculator',
  calcCustomers: 'Customers',
  calcRevenue: 'Recurring revenue',
  calcValue: 'Customer value',
  calcField: (field) =>
    ({
    start: 'Customers at start of period',
    end: 'Customers at end of period',
    new: 'New customers in the period',
    startRevenue: 'Recurring revenue at start',
    lostRevenue: 'Revenue lost to cancellations (churned)',
    contraction: 'Revenue lost to downgrades (contraction)',
    expansion: 'Revenue gained from upgrades (expansion)',
    arpa: 'Average revenue per customer per period (ARPA)',
    grossMargin: 'Gross margin (%)',
    })[field],
  calcProblem: (problem) =>
    ({
    'not-a-number': 'Enter a number, digits only (for example 1250 or 12.5).',
    negative: 'Cannot be below 0.',
    'not-whole': 'Customers are counted: enter a whole number.',
    'new-above-end': 'New customers are among the customers at the end, so they cannot be more than those.',
    'start-zero': 'Retention needs at least 1 customer at the start of the period.',
    'revenue-start-zero': 'Revenue rates need recurring revenue above 0 at the start.',
    'losses-above-start': 'Lost revenue and contraction together cannot exceed the revenue at the start.',
    'margin-above-100': 'A gross margin is at most 100 %.',
    })[problem],
  calcResults: 'Results',
  calcRetention: 'Customer retention rate (CRR)',
  calcCustomerChurn: 'Customer churn',
  calcRevenueChurn: 'Revenue churn (net)',
  calcNrr: 'Net revenue retention (NRR)',
  calcLtv: 'Customer lifetime value (LTV)',
  calcRetentionFormula: '(customers at end − new customers) ÷ customers at start',
  calcChurnFormula: 'customers lost ÷ customers at start, where lost = customers at start − (customers at end − new customers)',
  calcRevenueChurnFormula: '(revenue lost + contraction − expansion) ÷ revenue at start',
  calcNrrFormula: '(revenue at start − revenue lost − contraction + expansion) ÷ revenue at start',
  calcLtvFormula: 'ARPA × gross margin ÷ customer churn rate',
  calcNetNegative: 'Net negative churn: expansion outweighs what was lost, so the starting customers pay more than before.',
  calcNeeds: (fields) => `Fill in: ${fields}.`,
  calcNoChurn: 'With no churn, lifetime value has no upper bound.',
  calcReactivated: (count) => `${count} more customers remained than started without being new: they came back after a gap, so churn is 0 and retention is above 100 %.`,
  calcLost: (count) => `${count} ${count === 1 ? 'customer' : 'customers'} lost.`,
  calcSummaryEmpty: 'Customer retention calculator: enter figures to see the results.',
  calcTable: 'Calculated retention figures',
  calcMeasure: 'Measure',
  calcResultValue: 'Value',
});

registerTranslation('nb', {
  calcLabel: 'Kalkulator for kundelojalitet',
  calcCustomers: 'Kunder',
  calcRevenue: 'Gjentakende inntekter',
  calcValue: 'Kundeverdi',
  calcField: (field) =>
    ({
    start: 'Kunder ved periodens start',
    end: 'Kunder ved periodens slutt',
    new: 'Nye kunder i perioden',
    startRevenue: 'Gjentakende inntekter ved start',
    lostRevenue: 'Inntekter tapt ved oppsigelser (churn)',
    contraction: 'Inntekter tapt ved nedgraderinger',
    expansion: 'Inntekter fra oppgraderinger (ekspansjon)',
    arpa: 'Gjennomsnittlig inntekt per kunde per periode (ARPA)',
    grossMargin: 'Bruttomargin (%)',
    })[field],
  calcProblem: (problem) =>
    ({
    'not-a-number': 'Skriv inn et tall, bare sifre (for eksempel 1250 eller 12.5).',
    negative: 'Kan ikke være under 0.',
    'not-whole': 'Kunder telles: skriv inn et helt tall.',
    'new-above-end': 'Nye kunder er blant kundene ved slutten, så de kan ikke være flere enn dem.',
    'start-zero': 'Kundelojalitet krever minst 1 kunde ved periodens start.',
    'revenue-start-zero': 'Inntektsratene krever gjentakende inntekter over 0 ved start.',
    'losses-above-start': 'Tapte inntekter og nedgraderinger kan til sammen ikke overstige inntektene ved start.',
    'margin-above-100': 'En bruttomargin er høyst 100 %.',
    })[problem],
  calcResults: 'Resultater',
  calcRetention: 'Kundelojalitetsrate (CRR)',
  calcCustomerChurn: 'Kundefrafall',
  calcRevenueChurn: 'Inntektsfrafall (netto)',
  calcNrr: 'Netto inntektslojalitet (NRR)',
  calcLtv: 'Kundens livstidsverdi (LTV)',
  calcRetentionFormula: '(kunder ved slutt − nye kunder) ÷ kunder ved start',
  calcChurnFormula: 'tapte kunder ÷ kunder ved start, der tapte = kunder ved start − (kunder ved slutt − nye kunder)',
  calcRevenueChurnFormula: '(tapte inntekter + nedgraderinger − ekspansjon) ÷ inntekter ved start',
  calcNrrFormula: '(inntekter ved start − tapte inntekter − nedgraderinger + ekspansjon) ÷ inntekter ved start',
  calcLtvFormula: 'ARPA × bruttomargin ÷ kundefrafall',
  calcNetNegative: 'Netto negativt frafall: ekspansjonen veier opp for det som gikk tapt, så kundene fra starten betaler mer enn før.',
  calcNeeds: (fields) => `Fyll inn: ${fields}.`,
  calcNoChurn: 'Uten frafall har livstidsverdien ingen øvre grense.',
  calcReactivated: (count) => `${count} flere kunder ble igjen enn det som startet uten å være nye: de kom tilbake etter en pause, så frafallet er 0 og lojaliteten over 100 %.`,
  calcLost: (count) => `${count} ${count === 1 ? 'kunde' : 'kunder'} tapt.`,
  calcSummaryEmpty: 'Kalkulator for kundelojalitet: skriv inn tall for å se resultatene.',
  calcTable: 'Beregnede lojalitetstall',
  calcMeasure: 'Mål',
  calcResultValue: 'Verdi',
});

registerTranslation('da', {
  calcLabel: 'Beregner til kundefastholdelse',
  calcCustomers: 'Kunder',
  calcRevenue: 'Tilbagevendende omsætning',
  calcValue: 'Kundeværdi',
  calcField: (field) =>
    ({
    start: 'Kunder ved periodens start',
    end: 'Kunder ved periodens slutning',
    new: 'Nye kunder i perioden',
    startRevenue: 'Tilbagevendende omsætning ved start',
    lostRevenue: 'Omsætning tabt ved opsigelser (churn)',
    contraction: 'Omsætning tabt ved nedgraderinger',
    expansion: 'Omsætning fra opgraderinger (ekspansion)',
    arpa: 'Gennemsnitlig omsætning pr. kunde pr. periode (ARPA)',
    grossMargin: 'Bruttomargin (%)',
    })[field],
  calcProblem: (problem) =>
    ({
    'not-a-number': 'Indtast et tal, kun cifre (for eksempel 1250 eller 12.5).',
    negative: 'Kan ikke være under 0.',
    'not-whole': 'Kunder tælles: indtast et helt tal.',
    'new-above-end': 'Nye kunder er blandt kunderne ved slutningen, så de kan ikke være flere end dem.',
    'start-zero': 'Fastholdelse kræver mindst 1 kunde ved periodens start.',
    'revenue-start-zero': 'Omsætningsraterne kræver tilbagevendende omsætning over 0 ved start.',
    'losses-above-start': 'Tabt omsætning og nedgraderinger kan tilsammen ikke overstige omsætningen ved start.',
    'margin-above-100': 'En bruttomargin er højst 100 %.',
    })[problem],
  calcResults: 'Resultater',
  calcRetention: 'Kundefastholdelsesrate (CRR)',
  calcCustomerChurn: 'Kundefrafald',
  calcRevenueChurn: 'Omsætningsfrafald (netto)',
  calcNrr: 'Netto omsætningsfastholdelse (NRR)',
  calcLtv: 'Kundens livstidsværdi (LTV)',
  calcRetentionFormula: '(kunder ved slutning − nye kunder) ÷ kunder ved start',
  calcChurnFormula: 'mistede kunder ÷ kunder ved start, hvor mistede = kunder ved start − (kunder ved slutning − nye kunder)',
  calcRevenueChurnFormula: '(tabt omsætning + nedgraderinger − ekspansion) ÷ omsætning ved start',
  calcNrrFormula: '(omsætning ved start − tabt omsætning − nedgraderinger + ekspansion) ÷ omsætning ved start',
  calcLtvFormula: 'ARPA × bruttomargin ÷ kundefrafald',
  calcNetNegative: 'Netto negativt frafald: ekspansionen opvejer det tabte, så kunderne fra starten betaler mere end før.',
  calcNeeds: (fields) => `Udfyld: ${fields}.`,
  calcNoChurn: 'Uden frafald har livstidsværdien ingen øvre grænse.',
  calcReactivated: (count) => `${count} flere kunder blev tilbage, end der startede, uden at være nye: de kom tilbage efter en pause, så frafaldet er 0 og fastholdelsen over 100 %.`,
  calcLost: (count) => `${count} ${count === 1 ? 'kunde' : 'kunder'} mistet.`,
  calcSummaryEmpty: 'Beregner til kundefastholdelse: indtast tal for at se resultaterne.',
  calcTable: 'Beregnede fastholdelsestal',
  calcMeasure: 'Mål',
  calcResultValue: 'Værdi',
});

registerTranslation('zh', {
  calcLabel: '客户留存计算器',
  calcCustomers: '客户',
  calcRevenue: '经常性收入',
  calcValue: '客户价值',
  calcField: (field) =>
    ({
    start: '期初客户数',
    end: '期末客户数',
    new: '本期新客户数',
    startRevenue: '期初经常性收入',
    lostRevenue: '因取消而流失的收入',
    contraction: '因降级而减少的收入',
    expansion: '因升级而增加的收入（扩展）',
    arpa: '每客户每期平均收入 (ARPA)',
    grossMargin: '毛利率 (%)',
    })[field],
  calcProblem: (problem) =>
    ({
    'not-a-number': '请输入数字，仅限数字字符（例如 1250 或 12.5）。',
    negative: '不能小于 0。',
    'not-whole': '客户数是计数：请输入整数。',
    'new-above-end': '新客户包含在期末客户中，因此不能多于期末客户数。',
    'start-zero': '计算留存率需要期初至少有 1 位客户。',
    'revenue-start-zero': '收入比率需要期初经常性收入大于 0。',
    'losses-above-start': '流失收入与降级收入之和不能超过期初收入。',
    'margin-above-100': '毛利率最高为 100%。',
    })[problem],
  calcResults: '结果',
  calcRetention: '客户留存率 (CRR)',
  calcCustomerChurn: '客户流失率',
  calcRevenueChurn: '收入流失率（净）',
  calcNrr: '净收入留存率 (NRR)',
  calcLtv: '客户终身价值 (LTV)',
  calcRetentionFormula: '（期末客户数 − 新客户数）÷ 期初客户数',
  calcChurnFormula: '流失客户数 ÷ 期初客户数，其中流失数 = 期初客户数 −（期末客户数 − 新客户数）',
  calcRevenueChurnFormula: '（流失收入 + 降级收入 − 扩展收入）÷ 期初收入',
  calcNrrFormula: '（期初收入 − 流失收入 − 降级收入 + 扩展收入）÷ 期初收入',
  calcLtvFormula: 'ARPA × 毛利率 ÷ 客户流失率',
  calcNetNegative: '净负流失：扩展收入超过了流失部分，期初客户现在支付的比以前更多。',
  calcNeeds: (fields) => `请填写：${fields}。`,
  calcNoChurn: '没有流失时，终身价值没有上限。',
  calcReactivated: (count) => `留下的非新客户比期初多 ${count} 位：他们在中断后回归，因此流失率为 0，留存率超过 100%。`,
  calcLost: (count) => `流失 ${count} 位客户。`,
  calcSummaryEmpty: '客户留存计算器：输入数据以查看结果。',
  calcTable: '计算出的留存数据',
  calcMeasure: '指标',
  calcResultValue: '数值',
});

registerTranslation('ru', {
  calcLabel: 'Калькулятор удержания клиентов',
  calcCustomers: 'Клиенты',
  calcRevenue: 'Регулярная выручка',
  calcValue: 'Ценность клиента',
  calcField: (field) =>
    ({
    start: 'Клиентов на начало периода',
    end: 'Клиентов на конец периода',
    new: 'Новых клиентов за период',
    startRevenue: 'Регулярная выручка на начало',
    lostRevenue: 'Выручка, потерянная из-за отказов (отток)',
    contraction: 'Выручка, потерянная из-за понижения тарифа',
    expansion: 'Выручка от повышения тарифа (расширение)',
    arpa: 'Средняя выручка на клиента за период (ARPA)',
    grossMargin: 'Валовая маржа (%)',
    })[field],
  calcProblem: (problem) =>
    ({
    'not-a-number': 'Введите число, только цифры (например, 1250 или 12.5).',
    negative: 'Не может быть меньше 0.',
    'not-whole': 'Клиентов считают поштучно: введите целое число.',
    'new-above-end': 'Новые клиенты входят в число клиентов на конец периода, поэтому их не может быть больше.',
    'start-zero': 'Для удержания нужен хотя бы 1 клиент на начало периода.',
    'revenue-start-zero': 'Для показателей выручки нужна регулярная выручка больше 0 на начало.',
    'losses-above-start': 'Потерянная выручка вместе с понижениями не может превышать выручку на начало.',
    'margin-above-100': 'Валовая маржа не больше 100 %.',
    })[problem],
  calcResults: 'Результаты',
  calcRetention: 'Коэффициент удержания клиентов (CRR)',
  calcCustomerChurn: 'Отток клиентов',
  calcRevenueChurn: 'Отток выручки (чистый)',
  calcNrr: 'Чистое удержание выручки (NRR)',
  calcLtv: 'Пожизненная ценность клиента (LTV)',
  calcRetentionFormula: '(клиенты на конец − новые клиенты) ÷ клиенты на начало',
  calcChurnFormula: 'потерянные клиенты ÷ клиенты на начало, где потерянные = клиенты на начало − (клиенты на конец − новые клиенты)',
  calcRevenueChurnFormula: '(потерянная выручка + понижения − расширение) ÷ выручка на начало',
  calcNrrFormula: '(выручка на начало − потерянная выручка − понижения + расширение) ÷ выручка на начало',
  calcLtvFormula: 'ARPA × валовая маржа ÷ отток клиентов',
  calcNetNegative: 'Чистый отрицательный отток: расширение перекрывает потери, и клиенты с начала периода платят больше, чем раньше.',
  calcNeeds: (fields) => `Заполните: ${fields}.`,
  calcNoChurn: 'Без оттока пожизненная ценность не ограничена сверху.',
  calcReactivated: (count) => `Осталось на ${count} больше не новых клиентов, чем было на начало: они вернулись после перерыва, поэтому отток равен 0, а удержание выше 100 %.`,
  calcLost: (count) => `Потеряно клиентов: ${count}.`,
  calcSummaryEmpty: 'Калькулятор удержания клиентов: введите данные, чтобы увидеть результаты.',
  calcTable: 'Рассчитанные показатели удержания',
  calcMeasure: 'Показатель',
  calcResultValue: 'Значение',
});
