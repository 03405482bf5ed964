// How an answer is sent, and what became of the copies of identity documents, with the words
// staff see for each.

export const dispatchMethods = ['simpleRegistered', 'restricted', 'registered', 'post', 'counter', 'email'] as const;

export const dispatchMethodLabels: Record<(typeof dispatchMethods)[number], string> = {
  simpleRegistered: '簡易書留',
  restricted: '本人限定受取郵便',
  registered: '一般書留',
  post: '普通郵便',
  counter: '窓口で手渡し',
  email: '電子メール',
};

// How money that is not kept (a fee sent for 訂正, an overpayment, an expired 小為替) went back.
export const feeReturnMethods = ['enclosed', 'cashRegistered', 'bankTransfer', 'counter'] as const;

export const feeReturnLabels: Record<(typeof feeReturnMethods)[number], string> = {
  enclosed: '回答書に同封して返還',
  cashRegistered: '現金書留で返還',
  bankTransfer: '振込で返還',
  counter: '窓口で返還',
};

export const disposalMethods = ['returned', 'destroyed', 'none'] as const;

export const disposalLabels: Record<(typeof disposalMethods)[number], string> = {
  returned: '回答書に同封して返却',
  destroyed: '廃棄',
  none: '写しの受領なし',
};
