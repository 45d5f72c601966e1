import { expect } from '@open-wc/testing';
import {
  detectDateFormat,
  detectDecimal,
  detectDelimiter,
  distinctValues,
  guessMapping,
  guessTypeMap,
  readSample,
  tokens,
  type Sample,
} from '../../demo/lib/builder-guess.ts';

const FIXTURES = '/tests/fixtures/exports';

async function fixture(name: string): Promise<Sample> {
  const response = await fetch(`${FIXTURES}/${name}`);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return readSample(await response.text());
}

/** A header with rows built from cells per column (every row the same unless a column lists rows). */
function sample(columns: string[], rows: string[][]): Sample {
  return { format: 'csv', delimiter: ',', columns, rows };
}

describe('builder guess', () => {
  describe('reading the start of a file', () => {
    it('detects the delimiter from the header line, outside quotes', () => {
      expect(detectDelimiter('a,b,c')).to.equal(',');
      expect(detectDelimiter('Kunde;Dato;Beløp')).to.equal(';');
      expect(detectDelimiter('a\tb\tc')).to.equal('\t');
      expect(detectDelimiter('a|b|c')).to.equal('|');
      expect(detectDelimiter('"Name, first";"Name, last";Email')).to.equal(';');
      expect(detectDelimiter('single')).to.equal(',');
    });

    it('strips a BOM, reads ;-separated text into columns and drops a cut last line', () => {
      const text = '\uFEFFKunde;Dato;Beløp\r\nk1;01.02.2024;12,50\r\nk2;02.02.2024;7,00\r\nk3;03.0';
      const read = readSample(text, { complete: false });
      expect(read.delimiter).to.equal(';');
      expect(read.columns).to.deep.equal(['Kunde', 'Dato', 'Beløp']);
      expect(read.rows).to.deep.equal([
        ['k1', '01.02.2024', '12,50'],
        ['k2', '02.02.2024', '7,00'],
      ]);
    });

    it('reads JSON records by their first character', () => {
      const read = readSample('[{"customer":"a","date":"2024-01-01","amount":3},{"customer":"b","date":"2024-01-02"}]');
      expect(read.format).to.equal('json');
      expect(read.columns).to.deep.equal(['customer', 'date', 'amount']);
      expect(read.rows[1]).to.deep.equal(['b', '2024-01-02', '']);
    });

    it('keeps at most maxRows rows', () => {
      const text = ['id', ...Array.from({ length: 900 }, (_, i) => String(i))].join('\n');
      expect(readSample(text).rows).to.have.length(500);
    });
  });

  describe('words', () => {
    it('splits names into whole words', () => {
      expect(tokens('SalesOrderNo')).to.deep.equal(['sales', 'order', 'no']);
      expect(tokens('CustomerID')).to.deep.equal(['customer', 'id']);
      expect(tokens('Created (UTC)')).to.deep.equal(['created', 'utc']);
      expect(tokens('客户ID')).to.deep.equal(['客户', 'id']);
      expect(tokens('E-post')).to.deep.equal(['e', 'post']);
      expect(tokens('Номер заказа')).to.deep.equal(['номер', 'заказа']);
    });
  });

  describe('the issue’s cases', () => {
    it('SalesOrderNo is an order number, never an amount', () => {
      const guess = guessMapping(['CustomerNo', 'OrderDate', 'SalesOrderNo', 'LineTotal']);
      expect(guess.mapping.order).to.equal('SalesOrderNo');
      expect(guess.mapping.amount).to.equal('LineTotal');
      expect(guessMapping(['Customer', 'Date', 'SalesOrderNo']).mapping.amount).to.equal(undefined);
    });

    it('ids beat names: Buyer User ID over Buyer, Customer Email over Customer Name', () => {
      expect(guessMapping(['Buyer', 'Sale Date', 'Buyer User ID']).mapping.customer).to.equal('Buyer User ID');
      expect(guessMapping(['Customer Name', 'Date', 'Customer Email']).mapping.customer).to.equal('Customer Email');
      expect(guessMapping(['Customer Name', 'Date', 'Customer Number']).mapping.customer).to.equal('Customer Number');
    });

    it('a date filled on every row beats one with blanks (Paid at blank on line rows)', () => {
      const columns = ['Order date', 'Email', 'Created', 'Total'];
      const rows = [
        ['2024-01-05 10:00', 'a@x', '2024-01-05 09:58', '20'],
        ['', 'a@x', '2024-01-05 09:58', ''],
        ['', 'a@x', '2024-01-05 09:58', ''],
        ['2024-01-06 11:00', 'b@x', '2024-01-06 10:59', '15'],
      ];
      // By name alone `Order date` wins; its blanks hand the date to `Created`.
      expect(guessMapping(columns).mapping.date).to.equal('Order date');
      expect(guessMapping(columns, rows).mapping.date).to.equal('Created');
    });

    it('a column whose cells are not dates or numbers is not guessed as one', () => {
      const guess = guessMapping(['Customer', 'Date', 'Total'], [['a', 'yesterday', 'n/a']]);
      expect(guess.mapping.date).to.equal(undefined);
      expect(guess.mapping.amount).to.equal(undefined);
    });

    it('no money column: counts only', () => {
      expect(guessMapping(['user_id', 'timestamp']).money).to.equal('none');
    });

    it('guesses refund, currency and status', () => {
      const guess = guessMapping(['Customer ID', 'Created', 'Amount', 'Amount Refunded', 'Currency', 'Status', 'Converted Currency']);
      expect(guess.mapping).to.include({ refund: 'Amount Refunded', currency: 'Currency', type: 'Status', amount: 'Amount' });
      expect(guessMapping(['Email', 'Created at', 'Total', 'Refunded Amount', 'Financial Status', 'Fulfillment Status']).mapping).to.include({
        refund: 'Refunded Amount',
        type: 'Financial Status',
      });
    });

    it('finds quantity × price and says the engine will use it', () => {
      const guess = guessMapping(['Invoice', 'StockCode', 'Quantity', 'InvoiceDate', 'Price', 'Customer ID', 'Country']);
      expect(guess.mapping).to.include({ customer: 'Customer ID', date: 'InvoiceDate', order: 'Invoice', quantity: 'Quantity', price: 'Price' });
      expect(guess.money).to.equal('quantity-price');
    });

    it('guesses the subscription fields', () => {
      const guess = guessMapping(['subscription_id', 'customer_id', 'plan', 'mrr', 'started_at', 'ended_at']);
      expect(guess.kind).to.equal('subscriptions');
      expect(guess.mapping).to.deep.equal({ customer: 'customer_id', start: 'started_at', end: 'ended_at', mrr: 'mrr', plan: 'plan' });
    });
  });

  describe('the kit’s languages', () => {
    it('Norwegian / Danish', () => {
      const nb = guessMapping(['Kundenr', 'E-post', 'Ordredato', 'Ordrenr', 'Antall', 'Pris', 'Beløp', 'Status', 'Valuta']);
      expect(nb.mapping).to.deep.equal({ customer: 'Kundenr', date: 'Ordredato', order: 'Ordrenr', quantity: 'Antall', price: 'Pris', amount: 'Beløp', type: 'Status', currency: 'Valuta' });
      const da = guessMapping(['Kunde', 'Dato', 'Faktura', 'Antal', 'Beløb']);
      expect(da.mapping).to.deep.equal({ customer: 'Kunde', date: 'Dato', order: 'Faktura', quantity: 'Antal', amount: 'Beløb' });
      expect(guessMapping(['E-post', 'Dato', 'Totalt']).mapping).to.deep.equal({ customer: 'E-post', date: 'Dato', amount: 'Totalt' });
      expect(guessMapping(['Kunde', 'Dato', 'Sum']).mapping.amount).to.equal('Sum');
    });

    it('Chinese', () => {
      const zh = guessMapping(['订单号', '客户ID', '客户名称', '下单时间', '数量', '单价', '金额', '状态', '币种']);
      expect(zh.mapping).to.deep.equal({ order: '订单号', customer: '客户ID', date: '下单时间', quantity: '数量', price: '单价', amount: '金额', type: '状态', currency: '币种' });
      expect(guessMapping(['客户', '日期', '总额']).mapping).to.deep.equal({ customer: '客户', date: '日期', amount: '总额' });
    });

    it('Russian', () => {
      const ru = guessMapping(['Номер заказа', 'Клиент', 'Дата', 'Количество', 'Цена', 'Сумма', 'Статус', 'Валюта']);
      expect(ru.mapping).to.deep.equal({ order: 'Номер заказа', customer: 'Клиент', date: 'Дата', quantity: 'Количество', price: 'Цена', amount: 'Сумма', type: 'Статус', currency: 'Валюта' });
      expect(guessMapping(['Покупатель', 'Дата', 'Заказ', 'Сумма']).mapping).to.deep.equal({ customer: 'Покупатель', date: 'Дата', order: 'Заказ', amount: 'Сумма' });
    });

    it('German, French and Spanish', () => {
      expect(guessMapping(['Bestellung', 'Kunde', 'Datum', 'Menge', 'Preis', 'Betrag']).mapping).to.deep.equal({
        order: 'Bestellung', customer: 'Kunde', date: 'Datum', quantity: 'Menge', price: 'Preis', amount: 'Betrag',
      });
      expect(guessMapping(['commande', 'client', 'date', 'quantité', 'prix', 'montant']).mapping).to.deep.equal({
        order: 'commande', customer: 'client', date: 'date', quantity: 'quantité', price: 'prix', amount: 'montant',
      });
      expect(guessMapping(['pedido', 'cliente', 'fecha', 'cantidad', 'precio', 'importe']).mapping).to.deep.equal({
        order: 'pedido', customer: 'cliente', date: 'fecha', quantity: 'cantidad', price: 'precio', amount: 'importe',
      });
    });
  });

  describe('real exports (tests/fixtures/exports), guessed without their preset', () => {
    it('Shopify orders: Email, Created at, line quantity × price, refunds and the financial status', async () => {
      for (const name of ['shopify-orders.csv', 'shopify-orders-excel-de.csv']) {
        const read = await fixture(name);
        const guess = guessMapping(read.columns, read.rows);
        expect(guess.kind, name).to.equal('transactions');
        expect(guess.mapping, name).to.include({
          customer: 'Email',
          date: 'Created at',
          amount: 'Total',
          quantity: 'Lineitem quantity',
          price: 'Lineitem price',
          refund: 'Refunded Amount',
          type: 'Financial Status',
          currency: 'Currency',
        });
        expect(guess.money).to.equal('quantity-price');
      }
      const excel = await fixture('shopify-orders-excel-de.csv');
      expect(excel.delimiter).to.equal(';');
      expect(detectDecimal(distinctValues(excel, 'Taxes', 100))).to.equal(',');
      expect(detectDateFormat(distinctValues(excel, 'Created at', 100))).to.equal('DD.MM.YYYY');
    });

    it('Etsy sold orders: Buyer User ID (not Buyer), Sale Date MM/DD/YY, Order Total; Order Type is no status', async () => {
      for (const name of ['etsy-orders.csv', 'etsy-orders-tab.csv']) {
        const read = await fixture(name);
        const guess = guessMapping(read.columns, read.rows);
        expect(guess.mapping, name).to.deep.equal({ customer: 'Buyer User ID', date: 'Sale Date', order: 'Order ID', amount: 'Order Total', currency: 'Currency' });
        expect(detectDateFormat(distinctValues(read, 'Sale Date', 100))).to.equal('MM/DD/YY');
      }
      expect((await fixture('etsy-orders-tab.csv')).delimiter).to.equal('\t');
    });

    it('Stripe payments: Customer ID, Created date, Amount less Amount Refunded, Status', async () => {
      for (const name of ['stripe-payments.csv', 'stripe-payments-us-excel.csv']) {
        const read = await fixture(name);
        const guess = guessMapping(read.columns, read.rows);
        expect(guess.mapping, name).to.include({
          customer: 'Customer ID',
          date: 'Created date (UTC)',
          amount: 'Amount',
          refund: 'Amount Refunded',
          currency: 'Currency',
          type: 'Status',
        });
      }
      const excel = await fixture('stripe-payments-us-excel.csv');
      expect(detectDateFormat(distinctValues(excel, 'Created date (UTC)', 100))).to.equal('MM/DD/YY');
    });

    it('Stripe subscriptions: start, end (Ended At, not Canceled At), MRR and plan', async () => {
      const read = await fixture('stripe-subscriptions.csv');
      const guess = guessMapping(read.columns, read.rows);
      expect(guess.kind).to.equal('subscriptions');
      expect(guess.mapping).to.deep.equal({ customer: 'Customer ID', start: 'Start Date (UTC)', end: 'Ended At (UTC)', mrr: 'Amount', plan: 'Plan', currency: 'Currency' });
    });

    it('WooCommerce orders (also with a BOM and CRLF): Email (Billing), Order Date, Order Number, Order Status', async () => {
      for (const name of ['woocommerce-orders.csv', 'woocommerce-orders-bom-crlf.csv']) {
        const read = await fixture(name);
        expect(read.columns[0], name).to.equal('Order Number');
        const guess = guessMapping(read.columns, read.rows);
        expect(guess.mapping, name).to.include({
          customer: 'Email (Billing)',
          date: 'Order Date',
          order: 'Order Number',
          amount: 'Order Total Amount',
          refund: 'Order Refund Amount',
          type: 'Order Status',
          quantity: 'Quantity',
        });
      }
    });

    it('an event log: user_id, timestamp, event, and no money', async () => {
      const read = await fixture('events.csv');
      const guess = guessMapping(read.columns, read.rows);
      expect(guess.kind).to.equal('events');
      expect(guess.money).to.equal('none');
      expect(guess.mapping).to.deep.equal({ customer: 'user_id', date: 'timestamp', event: 'event' });
    });
  });

  describe('status words', () => {
    it('maps known words and lists unknown ones', () => {
      const guess = guessTypeMap(['paid', 'failed', 'voided', 'pending', 'refunded', 'weird']);
      expect(guess.map).to.deep.equal({ paid: 'purchase', failed: 'ignore', voided: 'ignore', pending: 'ignore', refunded: 'refund' });
      expect(guess.unknown).to.deep.equal(['weird']);
      expect(guess.needed).to.equal(true);
    });

    it('a refunded order is a purchase when a refund column nets it', () => {
      expect(guessTypeMap(['refunded', 'partially_refunded'], { refundColumn: true }).map).to.deep.equal({ refunded: 'purchase', partially_refunded: 'purchase' });
    });

    it('needs no type-map for the engine’s own words', () => {
      expect(guessTypeMap(['sale', 'return']).needed).to.equal(false);
    });
  });

  describe('dates and decimals', () => {
    it('tells day-first from month-first by a part above 12', () => {
      expect(detectDateFormat(['05/01/2024', '25/01/2024'])).to.equal('DD/MM/YYYY');
      expect(detectDateFormat(['01/05/2024', '01/25/2024'])).to.equal('MM/DD/YYYY');
      expect(detectDateFormat(['01/05/2024'])).to.equal(undefined);
      expect(detectDateFormat(['2024-01-05'])).to.equal('YYYY-MM-DD');
    });

    it('reads decimal commas', () => {
      expect(detectDecimal(['12,50', '1.234,00'])).to.equal(',');
      expect(detectDecimal(['12.50', '1,234.00'])).to.equal('.');
      expect(detectDecimal(['12', '30'])).to.equal(undefined);
    });
  });
});
