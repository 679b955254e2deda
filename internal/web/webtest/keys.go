package webtest

import (
	"context"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Press types keys as a person does: each a keyDown that carries its
// text, then a keyUp. Chromium types the text only when the page lets
// the keyDown through (preventDefault stops it), as with a real
// keyboard; chromedp.KeyEvent sends the text as a separate "char" event
// that types it regardless.
func Press(keys string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, r := range keys {
			var text string
			var events []*input.DispatchKeyEventParams
			for _, k := range kb.Encode(r) {
				if k.Type == kb.KeyChar {
					text = k.Text
					continue
				}
				events = append(events, k)
			}
			for _, k := range events {
				if k.Type == kb.KeyDown && text != "" {
					k.Text, k.UnmodifiedText = text, text
				}
				if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, *k); err != nil {
					return err
				}
			}
		}
		return nil
	})
}
